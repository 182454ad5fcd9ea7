//! Files embedded in the binary deflated, and inflated when first used: the two world-atlas
//! basemaps and the built-in dataset, 1.0 MB of JSON that take 0.3 MB this way, and egui's
//! three fonts, 0.67 MB that take 0.32 MB (issue 12's size target; the figures are in
//! docs/packaging.md). `build.rs` deflates them from
//! `assets/` at build time, so the repository keeps the files as they were published.

#[cfg(feature = "gui")]
pub mod fonts;

use std::io::Read;

/// A file deflated (raw DEFLATE, RFC 1951) by `build.rs`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deflated {
    /// The compressed bytes.
    compressed: &'static [u8],
}

/// Includes `OUT_DIR/<name>.deflate`, which `build.rs` writes.
macro_rules! deflated {
    ($name:literal) => {
        Deflated {
            compressed: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".deflate")),
        }
    };
}

/// world-atlas 2.0.2's `countries-50m.json` (the 1:50m basemap), unmodified.
pub(crate) const COUNTRIES_50M_TOPOJSON: Deflated = deflated!("countries-50m.json");

/// world-atlas 2.0.2's `countries-110m.json` (the 1:110m basemap), unmodified.
pub(crate) const COUNTRIES_110M_TOPOJSON: Deflated = deflated!("countries-110m.json");

/// `assets/russia-iran.json`, the built-in dataset.
pub(crate) const RUSSIA_IRAN_JSON: Deflated = deflated!("russia-iran.json");

/// Ubuntu Light, egui's proportional font (`assets/fonts/`, from `epaint_default_fonts` 0.37.0).
pub(crate) const UBUNTU_LIGHT_TTF: Deflated = deflated!("Ubuntu-Light.ttf");

/// Hack, egui's monospace font (`assets/fonts/`, from `epaint_default_fonts` 0.37.0).
pub(crate) const HACK_REGULAR_TTF: Deflated = deflated!("Hack-Regular.ttf");

/// The five icons of `egui::special_emojis` (`assets/fonts/`, from `epaint_default_fonts` 0.37.0).
pub(crate) const EGUI_ICONS_TTF: Deflated = deflated!("egui-icons.ttf");

impl Deflated {
    /// The original bytes. Fails only if the build wrote a broken file, which the tests rule out.
    pub(crate) fn inflate(self) -> std::io::Result<Vec<u8>> {
        // JSON deflates to between a third and a fifth of its size, fonts to about half.
        let mut original = Vec::with_capacity(self.compressed.len() * 5);
        flate2::read::DeflateDecoder::new(self.compressed).read_to_end(&mut original)?;
        Ok(original)
    }

    #[cfg(test)]
    /// The size of the compressed bytes in the binary.
    pub(crate) fn compressed_len(self) -> usize {
        self.compressed.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asset(path: &str) -> Vec<u8> {
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
            .expect("the asset is in the repository")
    }

    #[test]
    fn each_embedded_file_inflates_to_the_asset_in_the_repository() {
        for (embedded, path) in [
            (
                COUNTRIES_50M_TOPOJSON,
                "assets/world-atlas/countries-50m.json",
            ),
            (
                COUNTRIES_110M_TOPOJSON,
                "assets/world-atlas/countries-110m.json",
            ),
            (RUSSIA_IRAN_JSON, "assets/russia-iran.json"),
            (UBUNTU_LIGHT_TTF, "assets/fonts/Ubuntu-Light.ttf"),
            (HACK_REGULAR_TTF, "assets/fonts/Hack-Regular.ttf"),
            (EGUI_ICONS_TTF, "assets/fonts/egui-icons.ttf"),
        ] {
            let original = asset(path);
            assert_eq!(embedded.inflate().expect("inflates"), original, "{path}");
            assert!(
                embedded.compressed_len() < original.len() * 3 / 5,
                "{path}: {} bytes deflated to {}",
                original.len(),
                embedded.compressed_len()
            );
        }
    }

    #[test]
    fn broken_bytes_are_an_error_not_a_panic() {
        let broken = Deflated {
            compressed: &[0xff, 0xff, 0xff, 0xff],
        };
        assert!(broken.inflate().is_err());
    }
}
