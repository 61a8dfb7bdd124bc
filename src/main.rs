//! The `el2emu` binary: parse the command line (QEMU spellings included), run, and turn
//! errors into a message on stderr and a non-zero exit status: 2 for usage errors
//! (clap's convention), 1 for everything else.

fn main() {
    let cli = match el2emu::cli::parse(std::env::args_os().collect()) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    let r = el2emu::app::run(cli);
    // The console may have put the terminal in raw mode.
    el2emu::terminal::restore();
    match r {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("el2emu: error: {e:#}");
            std::process::exit(1);
        }
    }
}
