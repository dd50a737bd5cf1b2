"""Small articles several integration tests load (one place, so they stay alike)."""

RAIN_ARTICLE = {
    "title": "Rain in Riyadh",
    "maintext": "Heavy rain fell on Riyadh on Monday, closing schools across the city.",
    "url": "https://gulf-daily.example/rain",
    "date_publish": "2025-04-28 09:00:00",
    "language": "en",
}
