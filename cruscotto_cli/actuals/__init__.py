"""The actuals: CSV as Italian Excel writes it, typed values with their place;
`load.load_actuals`."""
