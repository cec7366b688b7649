//! CPU-heavy work (geometry checks, image decoding, list filtering over the whole index)
//! runs here, off the async workers, a few at a time.
//!
//! Why: a request that computes for seconds on an async worker thread freezes every
//! other request that thread serves — `/healthz` included. On the blocking pool it only
//! takes a core; and with at most one job per core but one at once, a burst of heavy requests
//! waits its turn instead of taking all the memory and time of the machine.

use std::sync::LazyLock;

use tokio::sync::Semaphore;

/// One permit per core but one (at least one): that core stays free for the async
/// workers, so that heavy work never takes every core from the quick requests.
static CORES: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    Semaphore::new(cores.saturating_sub(1).max(1))
});

/// Runs `work` on the blocking pool once a core is free, and answers its result. A
/// panic in `work` goes on in the caller (where the request's panic handler answers).
pub async fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let _core = CORES
        .acquire()
        .await
        .expect("the semaphore is never closed");
    match tokio::task::spawn_blocking(work).await {
        Ok(done) => done,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => panic!("CPU work cancelled: {e}"),
    }
}
