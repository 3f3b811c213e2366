"""The GPO's weekly brief as a PDF, painted with the week's charts and the day log's page."""
