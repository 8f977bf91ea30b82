// Tests to be written.
