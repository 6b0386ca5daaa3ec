"""The performance cycle around one evaluation: the run's date, year over year, monitoring."""
