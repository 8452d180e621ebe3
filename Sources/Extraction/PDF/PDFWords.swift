/// One word as pdftotext -bbox reports it: its text and bounding box in PDF points (y grows down).
struct PDFWord: Sendable, Equatable {
    var page: Int
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
    var text: String

    var height: Double { y1 - y0 }
    var centerY: Double { (y0 + y1) / 2 }
}

/// One page of words, in the order the page draws them (pdftotext -raw).
struct PDFPage: Sendable {
    var number: Int
    var width: Double
    var height: Double
    var words: [PDFWord]
}
