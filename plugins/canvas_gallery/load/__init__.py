"""Load and validate seeds: YAML read with line numbers into Canvas objects, every problem at once;
the importer that turns a saved canvas page into a draft seed."""
