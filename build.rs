//! Three jobs before the crate is compiled:
//! - deflates the large embedded files (the world-atlas basemaps, the built-in dataset and
//!   egui's fonts) into `OUT_DIR`, where `src/embedded.rs` includes them; they are inflated on
//!   first use;
//! - embeds the icon and the version information in the Windows executable (other targets
//!   need nothing);
//! - names the commit the program is built from, for `bilateral --version`.
//!
//! It adds no linker flag: packed relative relocations (`-z pack-relative-relocs`, `DT_RELR`),
//! once used to shrink the binary, need glibc 2.36, and the packages promise 2.35 (Ubuntu
//! 22.04; `packaging/build.sh` checks the symbols).

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
    commit();
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

/// Sets `BILATERAL_COMMIT` for `--version` (src/cli.rs): `commit <12 hex digits>` from git, or
/// from the variable of that name when a packager sets it (a build from a source tarball, which
/// has no `.git`), else `unknown commit`.
fn commit() {
    println!("cargo:rerun-if-env-changed=BILATERAL_COMMIT");
    let given = std::env::var("BILATERAL_COMMIT").ok();
    let commit = given
        .filter(|given| !given.trim().is_empty())
        .or_else(git_commit)
        .map_or_else(
            || "unknown commit".to_owned(),
            |hash| format!("commit {}", hash.trim()),
        );
    println!("cargo:rustc-env=BILATERAL_COMMIT={commit}");
}

/// The abbreviated hash of `HEAD`, and the files git changes when `HEAD` moves, for Cargo to
/// watch; `None` without git or outside a repository.
fn git_commit() -> Option<String> {
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git").args(args).output().ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    };
    let hash = git(&["rev-parse", "--short=12", "HEAD"])?;
    let git_dir = git(&["rev-parse", "--git-dir"])?;
    let common_dir = git(&["rev-parse", "--git-common-dir"])?;
    let mut watched = vec![
        Path::new(&git_dir).join("HEAD"),
        Path::new(&common_dir).join("packed-refs"),
    ];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watched.push(Path::new(&common_dir).join(branch));
    }
    // A watched file that does not exist would make Cargo run this script on every build.
    for file in watched.iter().filter(|file| file.exists()) {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    Some(hash)
}
