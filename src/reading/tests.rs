//! Provisions read across drafting styles.
