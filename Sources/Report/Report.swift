/// Rendering of results: tables, JSON and SVG.
public enum Report {}
