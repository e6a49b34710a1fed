//! Authentication and request protection: argon2 password hashes, cookie sessions with
//! hashed tokens, synchronizer CSRF tokens, and login rate limiting.

pub mod csrf;
pub mod password;
pub mod ratelimit;
pub mod session;

/// `n` random bytes from the operating system, hex-encoded.
pub fn random_hex(n: usize) -> Result<String, getrandom::Error> {
    let mut buf = vec![0u8; n];
    getrandom::fill(&mut buf)?;
    Ok(hex::encode(buf))
}
