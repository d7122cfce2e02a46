//! Stand-in for the session store being written on the `sessions` branch, so the data model
//! compiles here; replaced by that branch's store when it lands on main.

#[derive(Debug)]
pub struct SessionStore;

#[derive(Debug, thiserror::Error)]
#[error("the session store is not available in this build")]
pub struct SessionError;
