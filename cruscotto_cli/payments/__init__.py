"""Payment indicators from the invoice register: ITP, payment times, share paid in 30 days."""
