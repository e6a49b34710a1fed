//! Reproducible synthetic geometry (no `rand`: a fixed SplitMix64), clearly
//! schematic: perturbed hexagonal village cells grown into townships.

pub mod county;
pub mod hex;
pub mod national;
pub mod rng;

pub use county::{SynthCounty, county, try_county};
pub use national::{SynthNational, SynthNationalCounty, SynthTownship, SynthVillage, national};
