//! Writes the man page and the shell completions from the command-line definition, so that
//! they never drift from it. Run by packaging/build.sh:
//! `cargo run --example packaging-docs --features packaging -- OUT_DIR`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bilateral::cli::Cli;
use clap::CommandFactory;
use clap_complete::Shell;

fn main() -> ExitCode {
    let Some(out_dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: packaging-docs OUT_DIR");
        return ExitCode::from(2);
    };
    match write_all(&out_dir) {
        Ok(written) => {
            for path in written {
                println!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("packaging-docs: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `bilateral.1`, one man page per subcommand, and the bash, zsh, fish and PowerShell
/// completions into `out_dir`; returns the files written.
fn write_all(out_dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let man_dir = out_dir.join("man");
    let completions_dir = out_dir.join("completions");
    std::fs::create_dir_all(&man_dir)?;
    std::fs::create_dir_all(&completions_dir)?;
    let command = Cli::command();
    clap_mangen::generate_to(command.clone(), &man_dir)?;
    let mut written: Vec<PathBuf> = std::fs::read_dir(&man_dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
        written.push(clap_complete::generate_to(
            shell,
            &mut command.clone(),
            "bilateral",
            &completions_dir,
        )?);
    }
    written.sort();
    Ok(written)
}
