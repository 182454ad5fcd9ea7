//! The containers a trade file comes in: a spreadsheet (xlsx, xls, xlsb, ods) or a plain
//! `.zip` of tables, opened and handed, table by table, to the pass in [`super`]; and the
//! country list a BACI file finds beside it.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::AtomicBool;

use calamine::{Reader, Sheets, open_workbook_from_rs};

use crate::import::sheet_range::sheet_range;

use crate::import::baci;
use crate::import::collect::Collector;
use crate::import::decode::{Container, read_error, text_reader};
use crate::import::detect::is_baci_country_codes;
use crate::import::error::{ImportError, ImportErrorKind};
use crate::import::progress::{Progress, Ticker};
use crate::import::resolve::Resolver;
use crate::import::row_bound::InflateBound;
use crate::import::table::{Rows, shorten};

/// What one pass found, with what the source record needs.
use super::{State, dispatch};

impl State<'_, '_> {
    /// Reads a spreadsheet (xlsx, xls, ods) or the tables in a plain `.zip`.
    pub(super) fn read_archive<R: Read + Seek + Send>(
        &mut self,
        reader: R,
        container: Container,
        path: Option<&Path>,
    ) -> Result<(), ImportError> {
        let mut reader = reader;
        let mut kind = WorkbookKind::Xls;
        if container == Container::Zip {
            let mut archive = zip::ZipArchive::new(&mut reader).map_err(|e| {
                ImportError::whole(
                    &self.file,
                    ImportErrorKind::Corrupt {
                        what: ".zip",
                        message: e.to_string(),
                    },
                )
            })?;
            // The zip reader keeps one entry per name: of two with the same name (a table
            // added twice) only the last would be read, silently, so the file is refused.
            if archive.has_duplicate_names() {
                return Err(ImportError::whole(
                    &self.file,
                    ImportErrorKind::Corrupt {
                        what: ".zip",
                        message: "two of its entries have the same name, and only one of them could be read; unzip it and zip the tables again under distinct names".into(),
                    },
                ));
            }
            let names = crate::import::workbook_guard::entry_names(&mut archive);
            let has = |wanted: &str| names.iter().any(|n| n == wanted);
            kind = if has("xl/workbook.xml") {
                crate::import::workbook_guard::check_shared_strings(&mut archive, &names).map_err(
                    |message| ImportError::whole(&self.file, ImportErrorKind::Spreadsheet(message)),
                )?;
                WorkbookKind::Xlsx
            } else if has("xl/workbook.bin") {
                WorkbookKind::Xlsb
            } else if has("content.xml") {
                crate::import::workbook_guard::check_ods_content(&mut archive).map_err(
                    |message| ImportError::whole(&self.file, ImportErrorKind::Spreadsheet(message)),
                )?;
                WorkbookKind::Ods
            } else {
                return self.read_zip_tables(&mut archive, &names, path);
            };
            drop(archive);
            reader
                .seek(SeekFrom::Start(0))
                .map_err(|e| ImportError::whole(&self.file, read_error(&e)))?;
        } else {
            crate::import::xls_guard::check_xls(&mut reader).map_err(|message| {
                ImportError::whole(&self.file, ImportErrorKind::Spreadsheet(message))
            })?;
            reader
                .seek(SeekFrom::Start(0))
                .map_err(|e| ImportError::whole(&self.file, read_error(&e)))?;
        }
        let file = self.file.clone();
        let this = &mut *self;
        let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            let spreadsheet = |e: &dyn std::fmt::Display| {
                ImportError::whole(&this.file, ImportErrorKind::Spreadsheet(e.to_string()))
            };
            let workbook: Sheets<R> = match kind {
                WorkbookKind::Xls => Sheets::Xls(
                    open_workbook_from_rs(reader)
                        .map_err(|e: calamine::XlsError| spreadsheet(&e))?,
                ),
                WorkbookKind::Xlsx => Sheets::Xlsx(
                    open_workbook_from_rs(reader)
                        .map_err(|e: calamine::XlsxError| spreadsheet(&e))?,
                ),
                WorkbookKind::Xlsb => Sheets::Xlsb(
                    open_workbook_from_rs(reader)
                        .map_err(|e: calamine::XlsbError| spreadsheet(&e))?,
                ),
                WorkbookKind::Ods => Sheets::Ods(
                    open_workbook_from_rs(reader)
                        .map_err(|e: calamine::OdsError| spreadsheet(&e))?,
                ),
            };
            this.read_workbook(workbook)
        }));
        // calamine panics on some malformed parts in builds with overflow checks (a cell
        // reference such as `A99999999999`, found by fuzzing): a refusal, not a crash.
        opened.unwrap_or_else(|_| {
            Err(ImportError::whole(
                &file,
                ImportErrorKind::Spreadsheet(
                    "the spreadsheet reader failed on a malformed part of the workbook (a cell reference out of range?)".into(),
                ),
            ))
        })
    }

    pub(super) fn read_workbook<R: Read + Seek>(
        &mut self,
        mut workbook: Sheets<R>,
    ) -> Result<(), ImportError> {
        let mut first_error = None;
        let mut read_any = false;
        for name in workbook.sheet_names() {
            let range = sheet_range(&mut workbook, &name).map_err(|e| {
                ImportError::whole(
                    &self.file,
                    ImportErrorKind::Spreadsheet(format!("sheet “{name}”: {e}")),
                )
            })?;
            if range.is_empty() {
                continue;
            }
            let mut rows = Rows::from_sheet(&self.file, &name, range, self.ticker);
            match rows.find_trade_header() {
                Ok((header, format)) => {
                    self.format.get_or_insert(format);
                    dispatch(
                        &mut rows,
                        &header,
                        format,
                        &mut self.baci_codes,
                        &mut self.collector,
                    )?;
                    read_any = true;
                }
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        match (read_any, first_error) {
            (true, _) => Ok(()),
            (false, Some(error)) => Err(error),
            (false, None) => Err(ImportError::whole(
                &self.file,
                ImportErrorKind::Empty("every sheet is empty"),
            )),
        }
    }

    /// Reads every table in a `.zip`: BACI country lists first, then the data.
    pub(super) fn read_zip_tables<R: Read + Seek + Send>(
        &mut self,
        archive: &mut zip::ZipArchive<R>,
        names: &[String],
        path: Option<&Path>,
    ) -> Result<(), ImportError> {
        let is_table = |name: &str| {
            let lower = name.to_ascii_lowercase();
            [".csv", ".tsv", ".txt", ".tab"]
                .iter()
                .any(|ext| lower.ends_with(ext))
                && !lower.starts_with("__macosx/")
        };
        let tables: Vec<(usize, &String)> = names
            .iter()
            .enumerate()
            .filter(|(_, name)| is_table(name))
            .collect();
        let codes: Vec<usize> = tables
            .iter()
            .filter(|(_, n)| n.to_ascii_lowercase().contains("country_codes"))
            .map(|(i, _)| *i)
            .collect();
        for index in &codes {
            let entry = archive.by_index(*index).map_err(|e| self.zip_error(&e))?;
            let name = entry
                .name()
                .map(std::borrow::Cow::into_owned)
                .unwrap_or_default();
            let (text, encoding) = text_reader(Box::new(entry))
                .map_err(|kind| ImportError::whole(&self.file, kind))?;
            let mut rows = Rows::from_text(&self.file, Some(name), text, encoding, self.ticker)?;
            if let Ok((header, ())) = rows.find_header(|h| is_baci_country_codes(h).then_some(())) {
                baci::read_country_codes(&mut rows, &header, &mut self.baci_codes)?;
                self.baci_codes_loaded = true;
            }
        }
        let mut read_any = false;
        for (index, name) in &tables {
            if codes.contains(index) {
                continue;
            }
            let entries = &mut *archive;
            let index = *index;
            let open = move || {
                let entries = entries;
                entries.by_index(index).map(InflateBound::new).map_err(|e| {
                    std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string())
                })
            };
            read_any |= self.read_text(open, Some((*name).clone()), path, true)?;
        }
        if read_any {
            Ok(())
        } else {
            let listed: Vec<&str> = names.iter().map(String::as_str).take(12).collect();
            Err(ImportError::whole(
                &self.file,
                ImportErrorKind::NoTableInZip {
                    entries: if listed.is_empty() {
                        "nothing".into()
                    } else {
                        shorten(&listed.join(", "), 300)
                    },
                },
            ))
        }
    }

    pub(super) fn zip_error(&self, error: &zip::result::ZipError) -> ImportError {
        ImportError::whole(
            &self.file,
            ImportErrorKind::Corrupt {
                what: ".zip",
                message: error.to_string(),
            },
        )
    }
}

/// For a BACI file without its country list: the newest `country_codes_V*.csv` beside it.
pub(super) fn load_folder_country_codes(
    path: Option<&Path>,
    resolver: &mut Resolver,
    collector: &mut Collector,
) {
    let folder = path.map(|path| {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    });
    let entries = folder.and_then(|folder| std::fs::read_dir(folder).ok());
    let Some(entries) = entries else {
        if folder.is_none() {
            collector.warn(
                "no country_codes_V*.csv in the .zip: BACI numbers read with Bilateral's own table"
                    .into(),
            );
        }
        return;
    };
    let newest = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .map(str::to_ascii_lowercase)
                .is_some_and(|n| {
                    n.starts_with("country_codes")
                        && Path::new(&n)
                            .extension()
                            .is_some_and(|extension| extension == "csv")
                })
        })
        .max();
    let Some(list) = newest else {
        collector.warn(
            "no country_codes_V*.csv in the .zip or beside the file: BACI numbers read with Bilateral's own table".into(),
        );
        return;
    };
    let cancel = AtomicBool::new(false);
    let mut ignore = |_: &Progress| {};
    let mut ticker = Ticker::new(&mut ignore, &cancel, None);
    let file = list.display().to_string();
    let read = crate::io::file_state::open_regular(&list)
        .map(|(opened, _)| opened)
        .map_err(|message| ImportError::whole(&file, ImportErrorKind::Io(message)))
        .and_then(|f| text_reader(Box::new(f)).map_err(|kind| ImportError::whole(&file, kind)))
        .and_then(|(text, encoding)| {
            let mut rows = Rows::from_text(&file, None, text, encoding, &mut ticker)?;
            let (header, ()) = rows.find_header(|h| is_baci_country_codes(h).then_some(()))?;
            baci::read_country_codes(&mut rows, &header, resolver)
        });
    match read {
        Ok(_) => collector.warn(format!("BACI country numbers read from {file}")),
        Err(error) => collector.warn(format!(
            "{error}; BACI numbers read with Bilateral's own table"
        )),
    }
}

/// The kind of spreadsheet, from the container and the zip's entries.
pub(super) enum WorkbookKind {
    Xls,
    Xlsx,
    Xlsb,
    Ods,
}
