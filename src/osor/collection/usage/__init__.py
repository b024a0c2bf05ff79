"""Who uses a solution: usage declarations and the referents among them (#29 §3)."""
