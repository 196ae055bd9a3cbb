import Accessibility
import Charts
import KeelCore
import KeelKit
import SwiftUI

// Charts drawn with Swift Charts. They draw values the core computed and
// scale them to the space they have; nothing else. Every chart is one
// element for VoiceOver: its title as the label, its data in words (the
// same words the Android app reads out) as the value, and an audio graph
// (Accessibility's chart descriptor) to hear its shape. Colours are the
// system's semantic ones, so dark mode follows the phone.

/// One value of a chart as the audio graph plays it: its category (a day,
/// an hour) in words, and its value.
struct ChartPoint: Hashable {
    let label: String
    let value: Double
}

/// One line or row of bars in an audio graph.
struct ChartSeries: Hashable {
    let name: String
    let points: [ChartPoint]
}

/// A chart's audio graph: its title and summary (the text alternative), the
/// axes' names, its series and the value scale.
struct ChartAudioGraph: AXChartDescriptorRepresentable {
    let title: String
    let summary: String
    let xTitle: String
    let yTitle: String
    let series: [ChartSeries]
    let low: Double
    let high: Double
    /// True for a line (values between points mean something), false for bars and cells.
    let continuous: Bool
    let words: InsightsWords

    func makeChartDescriptor() -> AXChartDescriptor {
        let categories = series.first?.points.map { $0.label } ?? []
        let xAxis = AXCategoricalDataAxisDescriptor(title: xTitle, categoryOrder: categories)
        let top = high > low ? high : low + 1
        let format = words
        let yAxis = AXNumericDataAxisDescriptor(title: yTitle, range: low...top, gridlinePositions: []) { value in
            format.decimal(value)
        }
        let described = series.map { line in
            AXDataSeriesDescriptor(
                name: line.name,
                isContinuous: continuous,
                dataPoints: line.points.map { AXDataPoint(x: $0.label, y: $0.value) }
            )
        }
        return AXChartDescriptor(title: title, summary: summary, xAxis: xAxis, yAxis: yAxis, additionalAxes: [], series: described)
    }
}

extension View {
    /// One element for VoiceOver: the chart's title, its data in words, and its audio graph.
    func chartAccessibility(title: String, alt: String, graph: ChartAudioGraph) -> some View {
        self
            .accessibilityElement(children: .ignore)
            .accessibilityLabel(title)
            .accessibilityValue(alt)
            .accessibilityChartDescriptor(graph)
    }

    /// The same, the audio graph made here from its axes and series: every
    /// chart's graph is titled and summed up by the chart's own title and words.
    func chartAccessibility(
        title: String,
        alt: String,
        xTitle: String,
        yTitle: String,
        series: [ChartSeries],
        low: Double,
        high: Double,
        continuous: Bool,
        words: InsightsWords
    ) -> some View {
        chartAccessibility(
            title: title,
            alt: alt,
            graph: ChartAudioGraph(
                title: title,
                summary: alt,
                xTitle: xTitle,
                yTitle: yTitle,
                series: series,
                low: low,
                high: high,
                continuous: continuous,
                words: words
            )
        )
    }
}

/// One bar per value, left to right, scaled to the largest; the two ends of
/// its time axis under it.
struct ValueBarsChart: View {
    let values: [Double]
    let xTitle: String
    let yTitle: String
    let start: String
    let end: String
    var height: CGFloat = 120

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Chart {
                ForEach(Array(values.enumerated()), id: \.offset) { index, value in
                    BarMark(
                        x: .value(xTitle, index),
                        y: .value(yTitle, value)
                    )
                    .foregroundStyle(Color.accentColor)
                }
            }
            .chartXAxis(.hidden)
            .frame(height: height)
            AxisEnds(start: start, end: end)
        }
    }
}

/// A point of a line chart: where it falls in the period (0...1), its value,
/// and whether it is marked (drawn as a hollow ring, told by shape as well as colour).
struct LinePoint: Hashable {
    let x: Double
    let y: Double
    var marked: Bool = false
}

/// Points joined in order over the period, on a scale from `low` to `high`.
struct LineSeriesChart: View {
    let points: [LinePoint]
    let low: Double
    let high: Double
    let xTitle: String
    let yTitle: String
    let start: String
    let end: String

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Chart {
                ForEach(Array(points.enumerated()), id: \.offset) { _, point in
                    LineMark(
                        x: .value(xTitle, point.x),
                        y: .value(yTitle, point.y)
                    )
                    .foregroundStyle(Color.accentColor)
                    PointMark(
                        x: .value(xTitle, point.x),
                        y: .value(yTitle, point.y)
                    )
                    .symbol {
                        PointSymbol(marked: point.marked)
                    }
                }
            }
            .chartXScale(domain: 0.0...1.0)
            .chartYScale(domain: low...max(high, low + 1))
            .chartXAxis(.hidden)
            .frame(height: 110)
            AxisEnds(start: start, end: end)
        }
    }
}

/// A point's mark: a dot, or a larger hollow ring for a marked one.
struct PointSymbol: View {
    let marked: Bool

    var body: some View {
        if marked {
            Circle()
                .strokeBorder(Color.red, lineWidth: 2)
                .frame(width: 14, height: 14)
        } else {
            Circle()
                .fill(Color.accentColor)
                .frame(width: 8, height: 8)
        }
    }
}

/// The weekday × hour heat map: one row per weekday (Monday first), one
/// cell per hour, shaded by the cravings logged then (0 pale, `most` the full colour).
struct HeatMapChart: View {
    let cells: [HeatCell]
    let most: Int
    let dayNames: [String]
    let hourNames: [String]
    let xTitle: String
    let yTitle: String

    @ScaledMetric(relativeTo: .caption) private var rowHeight: CGFloat = 22

    var body: some View {
        Chart {
            ForEach(shown, id: \.self) { cell in
                RectangleMark(
                    x: .value(xTitle, hourNames[Int(cell.hour)]),
                    y: .value(yTitle, dayNames[Int(cell.weekday)])
                )
                .foregroundStyle(shade(Int(cell.cravings)))
            }
        }
        .chartXScale(domain: hourNames)
        .chartYScale(domain: dayNames)
        .chartXAxis {
            AxisMarks(values: axisHours) { _ in
                AxisValueLabel()
            }
        }
        .chartYAxis {
            AxisMarks(position: .leading) { _ in
                AxisValueLabel()
            }
        }
        .frame(height: rowHeight * 7 + 28)
    }

    /// The core's cells that fall on the grid (168 of them, Monday 00:00 first).
    private var shown: [HeatCell] {
        cells.filter { Int($0.hour) < hourNames.count && Int($0.weekday) < dayNames.count }
    }

    /// Four hours named under the cells: midnight, morning, noon, evening.
    private var axisHours: [String] {
        [0, 6, 12, 18].filter { $0 < hourNames.count }.map { hourNames[$0] }
    }

    /// A filled cell is never as pale as an empty one.
    private func shade(_ cravings: Int) -> Color {
        guard cravings > 0, most > 0 else { return Color(uiColor: .secondarySystemFill) }
        return Color.accentColor.opacity(0.25 + 0.75 * Double(cravings) / Double(most))
    }
}

/// The two ends of a chart's time axis, under it.
struct AxisEnds: View {
    let start: String
    let end: String

    var body: some View {
        HStack(alignment: .firstTextBaseline) {
            Text(start)
            Spacer(minLength: 8)
            Text(end)
                .multilineTextAlignment(.trailing)
        }
        .font(.footnote)
        .foregroundStyle(Color.secondary)
    }
}

/// One row of a horizontal bar chart: what it is, a bar `fraction` (0...1)
/// long, and its value in words. Read as one piece by VoiceOver: the words
/// are the row's text alternative, the bar only repeats them.
struct BarRow: View {
    let label: String
    let value: String
    let fraction: Double

    @ScaledMetric(relativeTo: .body) private var barHeight: CGFloat = 12

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(label)
                .font(.body)
            GeometryReader { space in
                ZStack(alignment: .leading) {
                    Capsule()
                        .fill(Color(uiColor: .secondarySystemFill))
                    if share > 0 {
                        Capsule()
                            .fill(Color.accentColor)
                            .frame(width: max(space.size.width * share, space.size.height))
                    }
                }
            }
            .frame(height: barHeight)
            .accessibilityHidden(true)
            Text(value)
                .font(.subheadline)
                .foregroundStyle(Color.secondary)
        }
        .fixedSize(horizontal: false, vertical: true)
        .frame(maxWidth: .infinity, alignment: .leading)
        .padding(.vertical, 2)
        .accessibilityElement(children: .combine)
    }

    private var share: Double {
        min(max(fraction, 0), 1)
    }
}

/// A part of a section: smaller than its title, still a heading to jump to.
struct InsightsSubheading: View {
    let text: String

    init(_ text: String) { self.text = text }

    var body: some View {
        Text(text)
            .font(.subheadline.weight(.semibold))
            .frame(maxWidth: .infinity, alignment: .leading)
            .fixedSize(horizontal: false, vertical: true)
            .accessibilityAddTraits(.isHeader)
    }
}

/// One measure's score trends, each charted with its text alternative and
/// audio graph: in Insights under the measure's name, on the measure's own
/// history page (titled by it) without.
struct MeasureTrendsView: View {
    let history: MeasureHistory
    let words: InsightsWords
    var named: Bool = true

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            if named {
                InsightsSubheading(InsightsWords.measureName(history.measure))
            }
            ForEach(history.trends.filter { !$0.points.isEmpty }, id: \.key) { trend in
                trendView(trend)
            }
        }
    }

    @ViewBuilder
    private func trendView(_ trend: MeasureScoreTrend) -> some View {
        let title = words.scoreTitle(trend)
        let alt = words.scoreAlt(trend)
        JournalText(title)
        LineSeriesChart(
            points: linePoints(trend),
            low: 0,
            high: Double(trend.max),
            xTitle: Loc.text("screen_log_day"),
            yTitle: trend.name,
            start: trend.points.first.map { words.shortDate($0.at) } ?? "",
            end: trend.points.last.map { words.shortDate($0.at) } ?? ""
        )
        .chartAccessibility(
            title: title,
            alt: alt,
            xTitle: Loc.text("screen_log_day"),
            yTitle: trend.name,
            series: [ChartSeries(name: trend.name, points: trend.points.map { ChartPoint(label: words.shortDate($0.at), value: Double($0.value)) })],
            low: 0,
            high: Double(trend.max),
            continuous: true,
            words: words
        )
        if let change = words.scoreChange(trend) {
            JournalText(change)
        }
        if trend.bandChanged {
            JournalText(Loc.text("screen_insights_band_changed"))
        }
    }

    /// Each response at its share of the time from the first to the last.
    private func linePoints(_ trend: MeasureScoreTrend) -> [LinePoint] {
        guard let first = trend.points.first?.at.utcMillis, let last = trend.points.last?.at.utcMillis else { return [] }
        let span = Double(last - first)
        return trend.points.map { point in
            LinePoint(
                x: span > 0 ? Double(point.at.utcMillis - first) / span : 0.5,
                y: Double(point.value),
                marked: point.needsAttention
            )
        }
    }
}
