/// Clipping of polylines to a rectangle (Liang-Barsky per segment).
enum PolylineClipping {
    /// The visible runs of a polyline: `nil` entries (points with no position) break it, and each
    /// segment is cut to `rect`, so every output point is finite and inside the rectangle.
    /// Runs of fewer than two points are dropped. - Complexity: O(points).
    static func clip(_ points: [SVGPoint?], to rect: PlotRect) -> [[SVGPoint]] {
        var runs: [[SVGPoint]] = []
        var current: [SVGPoint] = []
        func flush() {
            if current.count >= 2 { runs.append(current) }
            current = []
        }
        var previous: SVGPoint?
        for point in points {
            guard let point, point.x.isFinite, point.y.isFinite else { flush(); previous = nil; continue }
            defer { previous = point }
            guard let a = previous else { continue }
            guard let (c0, c1) = clipSegment(a, point, to: rect) else { flush(); continue }
            if let last = current.last, last == c0 {
                current.append(c1)
            } else {
                flush()
                current = [c0, c1]
            }
            // The segment left the rectangle: the next visible piece starts a new run.
            if c1 != point { flush() }
        }
        flush()
        return runs
    }

    /// The part of segment a-b inside `rect`, or nil if none.
    static func clipSegment(_ a: SVGPoint, _ b: SVGPoint, to rect: PlotRect) -> (SVGPoint, SVGPoint)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        let checks: [(Double, Double)] = [(-dx, a.x - rect.x), (dx, rect.maxX - a.x), (-dy, a.y - rect.y), (dy, rect.maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return nil }; t0 = max(t0, r) } else { if r < t0 { return nil }; t1 = min(t1, r) }
            }
        }
        let c0 = t0 == 0 ? a : SVGPoint(x: a.x + t0 * dx, y: a.y + t0 * dy)
        let c1 = t1 == 1 ? b : SVGPoint(x: a.x + t1 * dx, y: a.y + t1 * dy)
        return (c0, c1)
    }

    /// A polygon cut to `rect` (Sutherland-Hodgman against the four edges; exact for a convex clip
    /// region, as a rectangle is). Non-finite vertices must be removed first. - Complexity: O(vertices).
    static func clipPolygon(_ polygon: [SVGPoint], to rect: PlotRect) -> [SVGPoint] {
        var output = polygon
        let edges: [(SVGPoint) -> Double] = [
            { $0.x - rect.x }, { rect.maxX - $0.x }, { $0.y - rect.y }, { rect.maxY - $0.y },
        ]
        for inside in edges {
            let input = output
            output = []
            guard var previous = input.last else { break }
            for current in input {
                let a = inside(previous), b = inside(current)
                if (a >= 0) != (b >= 0) {
                    let t = a / (a - b)
                    output.append(SVGPoint(x: previous.x + t * (current.x - previous.x), y: previous.y + t * (current.y - previous.y)))
                }
                if b >= 0 { output.append(current) }
                previous = current
            }
        }
        return output
    }
}
