//! Who Bilateral is to the desktop: one application id for the Wayland app id and X11 window
//! class, the `.desktop` file, AppStream, the macOS bundle and the Windows AppUserModelID;
//! and the window icon.

/// The reverse-DNS application id. The files in `packaging/` are named after it and repeat
/// it; the tests below keep them in step.
pub const APP_ID: &str = "io.github.bilateral.Bilateral";

#[cfg(feature = "gui")]
/// The icon (`packaging/icons/bilateral.svg`) rendered at 256 px, for the title bar and task bar.
const ICON_PNG: &[u8] = include_bytes!("../../packaging/icons/png/bilateral-256.png");

/// The window icon; `None` (the platform's default icon) if the embedded PNG does not decode.
#[cfg(feature = "gui")]
pub fn window_icon() -> Option<eframe::egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packaging_file(path: &str) -> String {
        let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("packaging")
            .join(path);
        std::fs::read_to_string(&full).unwrap_or_else(|error| panic!("{}: {error}", full.display()))
    }

    #[test]
    #[cfg(feature = "gui")]
    fn the_window_icon_decodes_to_256_px_square() {
        let icon = window_icon().expect("the embedded PNG decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }

    #[test]
    fn every_platform_file_uses_the_one_application_id() {
        let desktop = packaging_file(&format!("linux/{APP_ID}.desktop"));
        assert!(desktop.contains(&format!("\nIcon={APP_ID}\n")), "{desktop}");
        assert!(
            desktop.contains(&format!("\nStartupWMClass={APP_ID}\n")),
            "{desktop}"
        );
        let metainfo = packaging_file(&format!("linux/{APP_ID}.metainfo.xml"));
        assert!(metainfo.contains(&format!("<id>{APP_ID}</id>")));
        assert!(metainfo.contains(&format!(
            "<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>"
        )));
        let plist = packaging_file("macos/Info.plist");
        assert!(plist.contains(&format!("<string>{APP_ID}</string>")));
        let installer = packaging_file("windows/installer.nsi");
        assert!(installer.contains(&format!("!define APP_ID \"{APP_ID}\"")));
    }

    #[test]
    fn the_packaging_files_name_the_crate_version() {
        let version = env!("CARGO_PKG_VERSION");
        let plist = packaging_file("macos/Info.plist");
        assert!(plist.contains(&format!(
            "<key>CFBundleShortVersionString</key>\n  <string>{version}</string>"
        )));
        // The AppStream releases are written from CHANGELOG.md (packaging/appstream_releases.py).
        let changelog_md = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("CHANGELOG.md"),
        )
        .unwrap_or_else(|error| panic!("CHANGELOG.md: {error}"));
        let latest = changelog_md
            .lines()
            .find(|line| line.starts_with("## ") && *line != "## Unreleased");
        assert!(
            latest.is_some_and(|line| line.starts_with(&format!("## {version} — "))),
            "CHANGELOG.md's latest entry is {latest:?}, not {version}"
        );
        let changelog = packaging_file("linux/changelog");
        assert!(changelog.starts_with(&format!("bilateral ({version}-1) ")));
    }
}
