//! Password hashing with Argon2id (PHC strings carry their own parameters, so changing the
//! defaults later keeps old hashes verifiable).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// Why a password could not be hashed.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// The hasher failed (bad parameters).
    #[error("密码哈希失败：{0} / password hashing failed: {0}")]
    Hash(String),
    /// No randomness for the salt.
    #[error("无法获取随机数：{0} / no randomness: {0}")]
    Random(String),
    /// The password is too short or too long.
    #[error("密码长度应为 8–128 个字符 / passwords are 8–128 characters")]
    Length,
}

/// Argon2id parameters: OWASP's recommended minimum (19 MiB, 2 passes, 1 lane) by default.
#[derive(Debug, Clone, Default)]
pub struct HashParams(pub Params);

impl HashParams {
    /// Cheap parameters (1 MiB, 1 pass) for tests only: never use them for real accounts.
    pub fn insecure_fast() -> Self {
        HashParams(Params::new(1024, 1, 1, None).unwrap_or_default())
    }
}

/// Hashes a password into a PHC string (`$argon2id$v=19$m=…`).
pub fn hash(password: &str, params: &HashParams) -> Result<String, PasswordError> {
    let n = password.chars().count();
    if !(8..=128).contains(&n) {
        return Err(PasswordError::Length);
    }
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| PasswordError::Random(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| PasswordError::Hash(e.to_string()))?;
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.0.clone())
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Checks a password against a PHC string; malformed hashes never verify.
pub fn verify(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(h) => Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let p = HashParams::insecure_fast();
        let h = hash("正确的密码-123", &p).unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("正确的密码-123", &h));
        assert!(!verify("wrong password", &h));
        assert!(!verify("x", "not a hash"));
        assert!(hash("short", &p).is_err());
    }
}
