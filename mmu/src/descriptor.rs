//! VMSAv8-64 translation table descriptors (Arm ARM D8.3). PLACEHOLDER.
