//! Three jobs before the crate is compiled:
//! - deflates the large embedded files (the world-atlas basemaps, the built-in dataset and
//!   egui's fonts) into `OUT_DIR`, where `src/embedded.rs` includes them; they are inflated on
//!   first use;
//! - embeds the icon and the version information in the Windows executable (other targets
//!   need nothing);
//! - links the Linux binaries of the `dist` profile with packed relative relocations.

use std::error::Error;
use std::io::Write;
use std::path::Path;

/// The files `src/embedded.rs` includes deflated, as `OUT_DIR/<file name>.deflate`.
const DEFLATED_ASSETS: [&str; 6] = [
    "assets/world-atlas/countries-50m.json",
    "assets/world-atlas/countries-110m.json",
    "assets/russia-iran.json",
    "assets/fonts/Ubuntu-Light.ttf",
    "assets/fonts/Hack-Regular.ttf",
    "assets/fonts/egui-icons.ttf",
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    deflate_assets()?;
    windows_resources();
    packed_relative_relocations();
    Ok(())
}

/// Writes each of `DEFLATED_ASSETS` to `OUT_DIR` as raw DEFLATE at the best compression.
fn deflate_assets() -> Result<(), Box<dyn Error>> {
    let out_dir = std::env::var_os("OUT_DIR").ok_or("cargo did not set OUT_DIR")?;
    for asset in DEFLATED_ASSETS {
        println!("cargo:rerun-if-changed={asset}");
        let original = std::fs::read(asset).map_err(|error| format!("{asset}: {error}"))?;
        let name = Path::new(asset)
            .file_name()
            .and_then(|name| name.to_str())
            .ok_or("asset without a name")?;
        let mut encoder = flate2::write::DeflateEncoder::new(
            Vec::with_capacity(original.len() / 2),
            flate2::Compression::best(),
        );
        encoder.write_all(&original)?;
        let target = Path::new(&out_dir).join(format!("{name}.deflate"));
        std::fs::write(&target, encoder.finish()?)?;
    }
    Ok(())
}

fn windows_resources() {
    println!("cargo:rerun-if-changed=packaging/icons/bilateral.ico");
    // The target being built, not the machine building it: `cfg!(windows)` in a build script
    // describes the build machine, and a cross-built exe would silently lose its icon.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    // CI's type check of the Windows build (`cargo check`, .ci/run) makes no exe and has no
    // resource compiler: it says so with this variable. A build that makes an exe never sets it.
    println!("cargo:rerun-if-env-changed=BILATERAL_TYPE_CHECK_ONLY");
    if std::env::var_os("BILATERAL_TYPE_CHECK_ONLY").is_some() {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("packaging/icons/bilateral.ico")
        .set("ProductName", "Bilateral")
        .set(
            "FileDescription",
            "Bilateral: an atlas of the relationship between two countries",
        )
        .set("CompanyName", "The Bilateral authors")
        .set("LegalCopyright", "The Bilateral authors; MIT or Apache-2.0")
        .set("OriginalFilename", "bilateral.exe");
    if let Err(error) = resource.compile_for("bilateral") {
        // Failing loudly: an exe without its icon and version must not be shipped.
        println!("cargo:warning=could not embed the Windows resources: {error}");
        std::process::exit(1);
    }
}

/// Links the binaries with `-z pack-relative-relocs` (`DT_RELR`): the dynamic relocations, half a
/// megabyte of `.rela.dyn` in the `dist` binary, become a few kilobytes. The binary then needs
/// glibc 2.36 (Debian 12), so only the `dist` profile for GNU/Linux gets it; development builds
/// and their caches are untouched. Cargo tells a build script no profile name, but `OUT_DIR`
/// lies in `<target dir>[/<triple>]/<profile>/build/<crate>-<hash>/out`.
fn packed_relative_relocations() {
    let target_is = |key: &str, value: &str| std::env::var(key).as_deref() == Ok(value);
    if !(target_is("CARGO_CFG_TARGET_OS", "linux") && target_is("CARGO_CFG_TARGET_ENV", "gnu")) {
        return;
    }
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        return;
    };
    let profile = Path::new(&out_dir)
        .ancestors()
        .nth(3)
        .and_then(Path::file_name)
        .and_then(|name| name.to_str());
    if profile == Some("dist") {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
