//! A Parquet value as the text a CSV of the same table would hold.

use std::io::Write as _;

use parquet::record::Field;

/// Milliseconds in a day.
const DAY_MILLIS: i64 = 86_400_000;

/// Writes `field` as text to `out`: strings as they are, whole numbers in digits, other
/// numbers in their shortest form that reads back the same, a date as `2018-03-26` (a
/// timestamp as its day, UTC), a boolean as `true`/`false`; a null or NaN writes nothing (no
/// value), an infinity `inf`, which no reader takes for a number.
pub(crate) fn write_text(field: &Field, out: &mut Vec<u8>) {
    // Writing to a Vec cannot fail.
    let _ = match field {
        Field::Null => Ok(()),
        Field::Str(text) => out.write_all(text.as_bytes()),
        Field::Bytes(bytes) => out.write_all(bytes.data()),
        Field::Bool(value) => write!(out, "{value}"),
        Field::Byte(n) => write!(out, "{n}"),
        Field::Short(n) => write!(out, "{n}"),
        Field::Int(n) => write!(out, "{n}"),
        Field::Long(n) => write!(out, "{n}"),
        Field::UByte(n) => write!(out, "{n}"),
        Field::UShort(n) => write!(out, "{n}"),
        Field::UInt(n) => write!(out, "{n}"),
        Field::ULong(n) => write!(out, "{n}"),
        Field::Float16(n) => write_float(f64::from(*n), out),
        Field::Float(n) => {
            if n.is_nan() {
                Ok(())
            } else {
                write!(out, "{n}")
            }
        }
        Field::Double(n) => write_float(*n, out),
        Field::Date(days) => write_day(i64::from(*days), out, true),
        Field::TimestampMillis(millis) => write_day(millis.div_euclid(DAY_MILLIS), out, true),
        Field::TimestampMicros(micros) => {
            write_day(micros.div_euclid(DAY_MILLIS * 1000), out, true)
        }
        other => write!(out, "{other}"),
    };
}

/// `field` as [`write_text`] writes it, but a date or timestamp as `20180326` (GDELT's
/// `SQLDATE`).
pub(crate) fn write_compact_day(field: &Field, out: &mut Vec<u8>) {
    let day = match field {
        Field::Date(days) => i64::from(*days),
        Field::TimestampMillis(millis) => millis.div_euclid(DAY_MILLIS),
        Field::TimestampMicros(micros) => micros.div_euclid(DAY_MILLIS * 1000),
        other => return write_text(other, out),
    };
    let _ = write_day(day, out, false);
}

fn write_float(value: f64, out: &mut Vec<u8>) -> std::io::Result<()> {
    if value.is_nan() {
        Ok(())
    } else {
        write!(out, "{value}")
    }
}

fn write_day(days: i64, out: &mut Vec<u8>, dashes: bool) -> std::io::Result<()> {
    let (year, month, day) = crate::import::civil_from_days(days);
    if dashes {
        write!(out, "{year:04}-{month:02}-{day:02}")
    } else {
        write!(out, "{year:04}{month:02}{day:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(field: &Field) -> String {
        let mut out = Vec::new();
        write_text(field, &mut out);
        String::from_utf8(out).expect("text")
    }

    #[test]
    fn values_read_as_a_csv_would_write_them() {
        assert_eq!(text(&Field::Double(49_909.144)), "49909.144");
        assert_eq!(text(&Field::Double(9_680_795_326.0)), "9680795326");
        assert_eq!(text(&Field::Float(3.36)), "3.36");
        assert_eq!(text(&Field::Double(f64::NAN)), "");
        assert_eq!(text(&Field::Null), "");
        assert_eq!(text(&Field::Int(2022)), "2022");
        // 2018-03-26 is day 17,616 after 1970-01-01.
        assert_eq!(text(&Field::Date(17_616)), "2018-03-26");
        assert_eq!(
            text(&Field::TimestampMillis(17_616 * DAY_MILLIS + 3_600_000)),
            "2018-03-26"
        );
        assert_eq!(text(&Field::Date(-1)), "1969-12-31");
        let mut compact = Vec::new();
        write_compact_day(&Field::Date(17_616), &mut compact);
        assert_eq!(compact, b"20180326");
    }
}
