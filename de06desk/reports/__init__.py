"""Weekly summary: one set of numbers for the dashboard, PDF, Excel and hub."""
