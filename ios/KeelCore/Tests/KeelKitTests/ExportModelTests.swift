import Foundation
import XCTest
import KeelCore
@testable import KeelKit

/// The exports' core calls: the core's refusal of an unconfirmed CSV export included.
final class FakeExportCalls: ExportCalls, @unchecked Sendable {
    var ranges: [DateRange] = [HistoryFixtures.range(.last7Days, 100, 200), HistoryFixtures.range(.everything, 0, 200)]
    var warning = "This file is not encrypted."
    private(set) var csvRanges: [DateRange?] = []

    func dateRangePresets(language: Language) async -> Result<[DateRange], CoreFailure> { .success(ranges) }

    func csvWarning(language: Language) async -> Result<String, CoreFailure> { .success(warning) }

    func exportCsv(confirmed: Bool, range: DateRange?) async -> Result<CsvArchive, CoreFailure> {
        guard confirmed else { return .failure(.invalidInput(field: "confirmed", reason: "required")) }
        csvRanges.append(range)
        return .success(CsvArchive(
            fileName: "keel-export-0123456789abcdef.zip",
            bytes: Data([1, 2, 3]),
            files: [CsvArchiveEntry(name: "cravings.csv", rows: 4)],
            damagedLeftOut: 1
        ))
    }

    func exportFhir(range: DateRange?) async -> Result<FhirExport, CoreFailure> {
        .success(FhirExport(
            json: "{}",
            observations: 5,
            encounters: 2,
            questionnaireResponses: 1,
            damagedLeftOut: 0,
            fileName: "keel-fhir-0123456789abcdef.json"
        ))
    }
}

@MainActor
final class ExportModelTests: XCTestCase {
    func testTheWarningIsTheCoresAndEverythingIsTheFirstChoice() async {
        let calls = FakeExportCalls()
        let model = ExportModel(calls: calls, language: { .spanish }, outbox: scratchOutbox())
        await model.load()
        XCTAssertEqual(model.state.csvWarning, calls.warning)
        XCTAssertEqual(model.state.selected, .everything)
        XCTAssertFalse(model.state.confirmed)
    }

    func testAnUnconfirmedCsvExportIsRefusedAndNothingIsMade() async {
        let outbox = scratchOutbox()
        let model = ExportModel(calls: FakeExportCalls(), language: { .english }, outbox: outbox)
        await model.load()
        await model.makeCsv()
        XCTAssertTrue(model.state.csvRefused)
        XCTAssertNil(model.state.made)
        XCTAssertEqual(outbox.files(), [])
    }

    func testAConfirmedCsvExportLiesInTheOutboxUntilTheScreenIsLeft() async {
        let calls = FakeExportCalls()
        let outbox = scratchOutbox()
        let model = ExportModel(calls: calls, language: { .english }, outbox: outbox)
        await model.load()
        model.send(.selectRange(.last7Days))
        model.send(.confirm(true))
        await model.makeCsv()
        XCTAssertEqual(calls.csvRanges.map { $0?.preset }, [.last7Days])
        XCTAssertEqual(model.state.made?.kind, .csv)
        XCTAssertEqual(model.state.made?.files, [CsvArchiveEntry(name: "cravings.csv", rows: 4)])
        XCTAssertEqual(model.state.made?.damagedLeftOut, 1)
        XCTAssertEqual(outbox.files(), ["keel-export-0123456789abcdef.zip"])
        model.send(.saved(true))
        XCTAssertEqual(model.state.made?.handOff, .saved)
        model.clear()
        XCTAssertEqual(outbox.files(), [])
        XCTAssertNil(model.state.made)
    }

    func testAFhirExportReplacesTheCsvFile() async {
        let outbox = scratchOutbox()
        let model = ExportModel(calls: FakeExportCalls(), language: { .english }, outbox: outbox)
        await model.load()
        model.send(.confirm(true))
        await model.makeCsv()
        await model.makeFhir()
        XCTAssertEqual(model.state.made?.kind, .fhir)
        XCTAssertEqual(model.state.made?.observations, 5)
        XCTAssertEqual(outbox.files(), ["keel-fhir-0123456789abcdef.json"])
    }

    func testChoosingAnotherPeriodDropsTheFileMade() async {
        let outbox = scratchOutbox()
        let model = ExportModel(calls: FakeExportCalls(), language: { .english }, outbox: outbox)
        await model.load()
        await model.makeFhir()
        model.send(.selectRange(.last7Days))
        XCTAssertNil(model.state.made)
        XCTAssertEqual(outbox.files(), [])
    }
}
