"""The GPO's week from the window: the export dialog (week, preview, files) and the brief
as a PDF, painted with the week's charts and the day log's page."""
