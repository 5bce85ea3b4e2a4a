import Foundation
import HTTPTypes
import Testing

@testable import MinutesServer

/// The multipart/form-data reader of the upload routes.
struct MultipartFormTests {
    @Test func readsFieldsAndFilesWhateverTheyHold() throws {
        var body = MultipartBody()
        body.field("title", "Weekly")
        body.file("audio", name: "a.wav", data: Data([0, 13, 10, 45, 45, 255]))
        let form = try MultipartForm(data: body.data, contentType: body.headers[.contentType]!)
        #expect(form.field("title") == "Weekly")
        #expect(form.files.map(\.fileName) == ["a.wav"])
        #expect(form.files.first?.data == Data([0, 13, 10, 45, 45, 255]))
    }

    @Test(arguments: ["multipart/form-data", "multipart/form-data; boundary=\"\""])
    func aMissingBoundaryIsABadRequest(contentType: String) {
        #expect(throws: APIError.self) { try MultipartForm(data: Data(), contentType: contentType) }
    }

    @Test func aCutBodyIsABadRequest() throws {
        var body = MultipartBody()
        body.file("audio", name: "a.wav", data: Data(repeating: 1, count: 100))
        let cut = body.data.prefix(80)
        #expect(throws: APIError.self) { try MultipartForm(data: cut, contentType: body.headers[.contentType]!) }
    }
}
