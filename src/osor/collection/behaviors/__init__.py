"""Field groups shared by several types, one behavior each."""
