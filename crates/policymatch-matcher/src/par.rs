//! Work over the candidates of one query, spread over the machine's cores.
//!
//! Loading several hundred candidates from the document store, scoring them and cutting
//! them into shingles are independent per candidate. [`map`] runs such a step on a few
//! scoped threads, each over one contiguous share, and keeps the input order, so the result
//! is the same as a plain map's, whatever the number of cores.

/// Fewest items for which threads pay for their start.
const MIN_ITEMS: usize = 48;

/// Most threads one query uses.
const MAX_THREADS: usize = 4;

/// `items` mapped through `f`, in order, on up to [`MAX_THREADS`] threads. A panic in `f`
/// is raised again here, as a plain map would raise it.
pub(crate) fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(MAX_THREADS);
    if threads < 2 || items.len() < MIN_ITEMS {
        return items.iter().map(f).collect();
    }
    let share = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(share)
            .map(|chunk| s.spawn(move || chunk.iter().map(f).collect::<Vec<U>>()))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for h in handles {
            match h.join() {
                Ok(part) => out.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_kept_for_any_length() {
        for n in [0, 1, 47, 48, 49, 300, 1001] {
            let items: Vec<usize> = (0..n).collect();
            let doubled = map(&items, |i| i * 2);
            assert_eq!(
                doubled,
                items.iter().map(|i| i * 2).collect::<Vec<_>>(),
                "{n}"
            );
        }
    }

    #[test]
    fn a_panic_reaches_the_caller() {
        let items: Vec<usize> = (0..100).collect();
        let caught = std::panic::catch_unwind(|| map(&items, |&i| assert!(i != 70, "seventy")));
        assert!(caught.is_err());
    }
}
