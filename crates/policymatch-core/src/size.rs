//! Sizes as people read them, for the reasons given when a file or a part of one is over a
//! limit ("12.3 MiB, over the limit of 8 MiB").

const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];

/// `bytes` in the largest binary unit that keeps it at 1 or more, with one decimal rounded
/// up (so that a size just over a limit never reads as the limit), the decimal left out when
/// it is zero: "512 bytes", "1.5 KiB", "8 MiB", "8.1 MiB".
pub fn format_size(bytes: u64) -> String {
    if bytes < 1024 {
        return if bytes == 1 {
            "1 byte".into()
        } else {
            format!("{bytes} bytes")
        };
    }
    let mut unit = 0;
    let mut scale: u64 = 1024;
    while unit + 1 < UNITS.len() && bytes / scale >= 1024 {
        unit += 1;
        scale *= 1024;
    }
    // tenths of the unit, rounded up, in integers so that nothing is lost to floating point
    let tenths = (u128::from(bytes) * 10).div_ceil(u128::from(scale));
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        format!("{whole} {}", UNITS[unit])
    } else {
        format!("{whole}.{tenth} {}", UNITS[unit])
    }
}

/// The reason given for something of `size` bytes over a `limit` of bytes:
/// "12.3 MiB, over the limit of 8 MiB".
pub fn over_limit(size: u64, limit: u64) -> String {
    format!(
        "{}, over the limit of {}",
        format_size(size),
        format_size(limit)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(format_size(0), "0 bytes");
        assert_eq!(format_size(1), "1 byte");
        assert_eq!(format_size(1023), "1023 bytes");
        assert_eq!(format_size(1024), "1 KiB");
        assert_eq!(format_size(1536), "1.5 KiB");
        assert_eq!(format_size(8 * 1024 * 1024), "8 MiB");
        assert_eq!(format_size(12_897_484), "12.3 MiB");
        assert_eq!(format_size(3 * 1024 * 1024 * 1024), "3 GiB");
        assert_eq!(format_size(u64::MAX), "16777216 TiB");
    }

    #[test]
    fn just_over_a_limit_never_reads_as_the_limit() {
        let limit = 8 * 1024 * 1024;
        assert_eq!(
            over_limit(limit + 1, limit),
            "8.1 MiB, over the limit of 8 MiB"
        );
        assert_eq!(
            over_limit(12_897_484, limit),
            "12.3 MiB, over the limit of 8 MiB"
        );
    }
}
