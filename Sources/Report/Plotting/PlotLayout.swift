/// A rectangle in pixels (y downwards).
public struct PlotRect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// Whether `p` is inside or on the border (to 1e-6 px, so points placed exactly on an axis end
    /// count as inside despite rounding).
    public func contains(_ p: SVGPoint) -> Bool {
        p.x >= x - 1e-6 && p.x <= maxX + 1e-6 && p.y >= y - 1e-6 && p.y <= maxY + 1e-6
    }
}

/// Where a plot's data go: the plotting area in pixels and the two axes.
///
/// A data value (x, y) lands at pixel
/// `(plotArea.x + xAxis.fraction(x) * plotArea.width, plotArea.maxY - yAxis.fraction(y) * plotArea.height)`,
/// affine in each axis's transformed coordinate.
public struct PlotLayout: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var plotArea: PlotRect
    public var xAxis: Axis
    public var yAxis: Axis

    public init(width: Double, height: Double, plotArea: PlotRect, xAxis: Axis, yAxis: Axis) {
        self.width = width; self.height = height; self.plotArea = plotArea; self.xAxis = xAxis; self.yAxis = yAxis
    }

    /// The standard margins of a `width` x `height` figure: room for a title above, tick labels and an
    /// axis label below and to the left.
    public static func standardArea(width: Double, height: Double) -> PlotRect {
        PlotRect(x: 78, y: 48, width: width - 78 - 26, height: height - 48 - 64)
    }

    /// The pixel of a data value, possibly outside the plotting area; nil when either coordinate is
    /// outside its scale's domain (so never a NaN or infinite pixel).
    public func pixel(x: Double, y: Double) -> SVGPoint? {
        let fx = xAxis.fraction(x), fy = yAxis.fraction(y)
        guard fx.isFinite, fy.isFinite else { return nil }
        let p = SVGPoint(x: plotArea.x + fx * plotArea.width, y: plotArea.maxY - fy * plotArea.height)
        // Fractions of finite transforms over a finite non-empty range are finite, unless huge.
        guard p.x.isFinite, p.y.isFinite else { return nil }
        return p
    }

    /// The pixel of a data value when it lies inside the plotting area, else nil.
    public func pixelInside(x: Double, y: Double) -> SVGPoint? {
        guard let p = pixel(x: x, y: y), plotArea.contains(p) else { return nil }
        return p
    }
}
