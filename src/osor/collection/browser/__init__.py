"""Classic UI views. Views are thin; the work is done by tested modules."""
