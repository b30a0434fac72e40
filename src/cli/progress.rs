//! A progress bar for long runs: on stderr, only when it is a terminal, never in CI (the `CI`
//! variable set) or when `TRANSLINT_NO_PROGRESS` is set, and only once a run has taken more than
//! a second, so short runs print nothing extra.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// Runs this long before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// The bar, hidden until [`DELAY`] has passed (and for good when progress is not wanted).
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    wanted: bool,
    shown: bool,
}

impl Progress {
    /// A bar for `total` files.
    pub fn new(total: usize) -> Self {
        let wanted = std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none()
            && std::env::var_os("TRANSLINT_NO_PROGRESS").is_none()
            && total > 1;
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} files, {elapsed} ({eta} left)")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Progress {
            bar,
            started: Instant::now(),
            wanted,
            shown: false,
        }
    }

    /// One more file done.
    pub fn tick(&mut self) {
        if self.wanted && !self.shown && self.started.elapsed() >= DELAY {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        self.bar.inc(1);
    }

    /// Runs `print` with the bar out of the way, so output never mixes with it.
    pub fn suspend<T>(&self, print: impl FnOnce() -> T) -> T {
        if self.shown {
            self.bar.suspend(print)
        } else {
            print()
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
