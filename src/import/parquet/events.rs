//! GDELT events in a Parquet file: the columns of a GDELT 2.0 export, by name (any case,
//! any order, any subset that has `SQLDATE`, `Actor1CountryCode`, `Actor2CountryCode` and
//! `QuadClass`), as a query over GDELT leaves them. Each row is read as the export's row of
//! the same values ([`super::super::events::gdelt::row`]), so the pair, the series and the
//! events are what the export itself would give; row groups whose actor countries' statistics
//! leave out the pair's two codes are passed over unread.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use ::parquet::file::metadata::RowGroupMetaData;
use ::parquet::file::reader::ChunkReader;
use ::parquet::file::statistics::Statistics;
use ::parquet::record::Field;

use super::super::detect::Format;
use super::super::error::{ImportError, ImportErrorKind, Position};
use super::super::events::FileTally;
use super::super::events::gdelt::{self, CodeCache, Reading};
use super::super::events::icews::cameo_code;
use super::{GroupRows, Groups, metadata, plain_columns, values};

/// The 61 columns of a GDELT 2.0 export, in order (GDELT's event codebook).
pub(crate) const GDELT2_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The columns a file must have to be read as GDELT events.
const REQUIRED: [&str; 4] = [
    "SQLDATE",
    "Actor1CountryCode",
    "Actor2CountryCode",
    "QuadClass",
];

/// The columns whose whole numbers are CAMEO codes that lost their leading zero.
const CAMEO_COLUMNS: [usize; 3] = [26, 27, 28];
/// `SQLDATE`, written `20180326` from a date.
const SQLDATE: usize = 1;
/// Rows between two looks at the cancel flag.
const ROWS_PER_CHECK: u64 = 16_384;

/// The GDELT column (0-based) each of `names` is, by name in any case.
fn columns_of(names: &[String]) -> Vec<Option<usize>> {
    names
        .iter()
        .map(|name| {
            GDELT2_COLUMNS
                .iter()
                .position(|gdelt| gdelt.eq_ignore_ascii_case(name.trim()))
        })
        .collect()
}

/// The event layout of a Parquet file with `names` for columns: GDELT's when it has the
/// four columns the pair and the series need.
pub(crate) fn layout_of(names: &[String]) -> Option<Format> {
    let found = columns_of(names);
    REQUIRED
        .iter()
        .all(|wanted| {
            found
                .iter()
                .flatten()
                .any(|index| GDELT2_COLUMNS[*index] == *wanted)
        })
        .then_some(Format::Gdelt2)
}

/// The event layout of the Parquet file at `path`, from its footer.
pub(crate) fn sniff(path: &std::path::Path) -> Option<Format> {
    let (opened, _) = crate::io::file_state::open_regular(path).ok()?;
    let footer = metadata(&opened, &path.display().to_string()).ok()?;
    layout_of(&plain_columns(&footer).0)
}

/// The event layout of a Parquet file held in memory.
pub(crate) fn sniff_bytes(bytes: &[u8]) -> Option<Format> {
    let footer = metadata(&::bytes::Bytes::copy_from_slice(bytes), "").ok()?;
    layout_of(&plain_columns(&footer).0)
}

/// Whether a row group's actor country columns may hold the pair's codes `wanted`.
fn may_hold(group: &RowGroupMetaData, names: &[String; 2], wanted: [[u8; 3]; 2]) -> bool {
    names.iter().all(|name| {
        let statistics = group
            .columns()
            .iter()
            .find(|chunk| chunk.column_path().parts() == [name.as_str()])
            .and_then(|chunk| chunk.statistics());
        match statistics.filter(|s| !s.is_min_max_deprecated()) {
            Some(Statistics::ByteArray(s)) => match (s.min_opt(), s.max_opt()) {
                (Some(min), Some(max)) => wanted
                    .iter()
                    .any(|code| min.data() <= &code[..] && &code[..] <= max.data()),
                _ => true,
            },
            _ => true,
        }
    })
}

/// Reads the GDELT events of the Parquet file in `chunks` into `tally`, as `how` says.
pub(crate) fn read<C: ChunkReader + 'static>(
    chunks: C,
    how: &Reading<'_>,
    tally: &mut FileTally,
) -> Result<(), ImportError> {
    let file = how.file;
    let footer = metadata(&chunks, file)?;
    let (names, projection) = plain_columns(&footer);
    let columns = columns_of(&names);
    let file_name = |gdelt: usize| {
        columns
            .iter()
            .position(|c| *c == Some(gdelt))
            .and_then(|i| names.get(i).cloned())
    };
    let wanted = gdelt::wanted_codes(how.pair);
    let groups = match (wanted, file_name(7), file_name(17)) {
        (Some(wanted), Some(one), Some(two)) => {
            let actors = [one, two];
            Groups::of(&footer, |index| {
                may_hold(footer.row_group(index), &actors, wanted)
            })
        }
        _ => Groups::of(&footer, |_| true),
    };
    tally.format = Some(Format::Gdelt2);
    tally.rows += groups.skipped_rows;
    how.rows.fetch_add(groups.skipped_rows, Ordering::Relaxed);
    if let Some(note) = groups.note() {
        tally.counts.warn(note);
    }
    let bytes = Arc::new(AtomicU64::new(0));
    let mut rows = GroupRows::open(
        chunks,
        file,
        &footer,
        groups,
        projection,
        Arc::clone(&bytes),
    )?;
    let mut fields: Vec<Vec<u8>> = vec![Vec::new(); GDELT2_COLUMNS.len()];
    let mut line = Vec::new();
    let mut starts = [0_usize; 61];
    let mut codes = CodeCache::default();
    let mut unreported = 0_u64;
    let mut bytes_reported = 0;
    while let Some(row) = rows.next_row(file)? {
        export_line(&row, &columns, &mut fields, &mut line, &mut starts);
        tally.rows += 1;
        unreported += 1;
        if unreported == ROWS_PER_CHECK {
            how.rows.fetch_add(unreported, Ordering::Relaxed);
            unreported = 0;
            let now = bytes.load(Ordering::Relaxed);
            how.bytes.fetch_add(now - bytes_reported, Ordering::Relaxed);
            bytes_reported = now;
            if how.cancel.load(Ordering::Relaxed) {
                return Err(ImportError::whole(file, ImportErrorKind::Cancelled));
            }
        }
        let Position::Row { row: number, .. } = rows.position(String::new()) else {
            continue;
        };
        gdelt::row(
            &line,
            number,
            Format::Gdelt2,
            wanted,
            how,
            &mut codes,
            tally,
        )
        .map_err(|error| {
            // The export's error names a column by its place in the line; here it is the
            // file's column of that name.
            let column = match &error.position {
                Some(Position::Text { column, .. } | Position::ZipEntry { column, .. }) => {
                    let at = usize::try_from(*column).unwrap_or(1).saturating_sub(1);
                    let index = starts.iter().rposition(|start| *start <= at).unwrap_or(0);
                    file_name(index).unwrap_or_else(|| GDELT2_COLUMNS[index].to_owned())
                }
                _ => String::new(),
            };
            ImportError {
                position: Some(rows.position(column)),
                ..error
            }
        })?;
    }
    how.rows.fetch_add(unreported, Ordering::Relaxed);
    how.bytes.fetch_add(
        bytes.load(Ordering::Relaxed) - bytes_reported,
        Ordering::Relaxed,
    );
    Ok(())
}

/// Writes `row` to `line` as the export's tab-separated row of the same values (columns the
/// file lacks empty; a tab or line end inside a value as a space), with where each field
/// starts; `fields` is room for the fields.
fn export_line(
    row: &::parquet::record::Row,
    columns: &[Option<usize>],
    fields: &mut [Vec<u8>],
    line: &mut Vec<u8>,
    starts: &mut [usize; 61],
) {
    for field in fields.iter_mut() {
        field.clear();
    }
    for ((_, value), column) in row.get_column_iter().zip(columns) {
        if let Some(index) = *column
            && let Some(field) = fields.get_mut(index)
        {
            write_field(index, value, field);
        }
    }
    line.clear();
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            line.push(b'\t');
        }
        starts[index] = line.len();
        line.extend(field.iter().map(|b| match b {
            b'\t' | b'\n' | b'\r' => b' ',
            other => *other,
        }));
    }
}

/// Writes the value of GDELT column `index` as the export writes it.
fn write_field(index: usize, value: &Field, out: &mut Vec<u8>) {
    if index == SQLDATE {
        return values::write_compact_day(value, out);
    }
    let whole = match value {
        Field::Int(n) => Some(i64::from(*n)),
        Field::Long(n) => Some(*n),
        Field::Short(n) => Some(i64::from(*n)),
        _ => None,
    };
    if CAMEO_COLUMNS.contains(&index)
        && let Some(code) = whole.and_then(|n| cameo_code(&n.to_string()))
    {
        out.extend_from_slice(code.as_bytes());
        return;
    }
    values::write_text(value, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdelt_columns_are_told_by_name_in_any_case() {
        let names: Vec<String> = [
            "sqldate",
            "Actor1CountryCode",
            "ACTOR2COUNTRYCODE",
            "QuadClass",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(layout_of(&names), Some(Format::Gdelt2));
        assert_eq!(layout_of(&names[..3]), None);
        assert_eq!(GDELT2_COLUMNS[7], "Actor1CountryCode");
        assert_eq!(GDELT2_COLUMNS[17], "Actor2CountryCode");
        assert_eq!(GDELT2_COLUMNS[60], "SOURCEURL");
        let mut code = Vec::new();
        write_field(26, &Field::Int(10), &mut code);
        assert_eq!(code, b"010");
    }
}
