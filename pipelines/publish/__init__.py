"""Publishing for BI: the marts contract, the read-only snapshot and the static dashboard."""
