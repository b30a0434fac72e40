//! Parallel work with in-order results: workers take items by index, and results are handed on in
//! index order as soon as every earlier one is done. At most a small window of finished results
//! waits at any time, so memory does not grow with the number of items.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// Runs `work(i)` for `i in 0..count` on `threads` threads and calls `emit` on the results in
/// order of `i`, on the calling thread.
pub fn for_each_in_order<T: Send>(
    count: usize,
    threads: usize,
    work: impl Fn(usize) -> T + Sync,
    mut emit: impl FnMut(T),
) {
    let threads = threads.clamp(1, count.max(1));
    // Workers may run this far ahead of the oldest result not yet emitted.
    let window = threads * 4;
    let next_item = AtomicUsize::new(0);
    let emitted = (Mutex::new(0usize), Condvar::new());
    let (sender, receiver) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next_item, emitted, work) = (&next_item, &emitted, &work);
            scope.spawn(move || loop {
                let i = next_item.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    break;
                }
                {
                    let (lock, ready) = emitted;
                    let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *done + window {
                        done = ready.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                }
                if sender.send((i, work(i))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (i, result) in receiver {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                emit(result);
                next += 1;
                let (lock, ready) = &emitted;
                *lock.lock().unwrap_or_else(|e| e.into_inner()) = next;
                ready.notify_all();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::for_each_in_order;

    #[test]
    fn results_arrive_in_order_whatever_the_timing() {
        for threads in [1, 2, 7] {
            let mut seen = Vec::new();
            for_each_in_order(
                200,
                threads,
                |i| {
                    // Uneven work so that later items often finish first.
                    std::thread::sleep(std::time::Duration::from_micros(
                        ((i * 37) % 11) as u64 * 50,
                    ));
                    i
                },
                |i| seen.push(i),
            );
            assert_eq!(seen, (0..200).collect::<Vec<_>>(), "threads={threads}");
        }
    }

    #[test]
    fn no_items_is_fine() {
        let mut seen = Vec::<usize>::new();
        for_each_in_order(0, 4, |i| i, |i| seen.push(i));
        assert!(seen.is_empty());
    }
}
