//! Embeds the icon and the version information in the Windows executable. Other targets need
//! nothing, so for them this does nothing.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=packaging/icons/bilateral.ico");
    // The target being built, not the machine building it: `cfg!(windows)` in a build script
    // describes the build machine, and a cross-built exe would silently lose its icon.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
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
