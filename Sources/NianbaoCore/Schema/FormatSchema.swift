import Foundation

/// The machine-readable description of the two national report formats (2019 and 2021):
/// row, column and section keys with their Chinese labels and aliases, and the arithmetic rules.
/// Loaded from the bundled Resources/format-schema.json (a copy of shared/docs/format-schema.json).
public struct FormatSchema: Decodable, Sendable {
    public let schemaVersion: String
    public let formats: [String: Format]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case formats
    }

    /// "2019" → v2019, "2021" → v2021.
    public func format(template: String) -> Format? { formats["v" + template] }

    public struct Format: Decodable, Sendable {
        public let name: String
        public let sections: [Section]
        public let tables: [Table]
        public let rules: [Rule]

        public func table(_ key: String) -> Table? { tables.first { $0.key == key } }

        /// Every cell path of the format in schema order: t2 subtable/row/column, t3 row/column, t4 group/column.
        public var cellPaths: [String] {
            var out: [String] = []
            if let t2 = table("t2") {
                for sub in t2.subtables ?? [] {
                    for row in sub.rows { for col in sub.columns { out.append("t2.\(sub.key).\(row.key).\(col.key)") } }
                }
            }
            if let t3 = table("t3") {
                for row in t3.rows ?? [] { for col in t3.columns ?? [] { out.append("t3.\(row.key).\(col.key)") } }
            }
            if let t4 = table("t4") {
                for cell in t4.cellOrder ?? [] { out.append("t4.\(cell)") }
            }
            return out
        }
    }

    public struct Section: Decodable, Sendable {
        public let num: String
        public let key: String
        public let label: String
        public let aliases: [String]
    }

    /// A table description. t2 has subtables; t3 has columns and rows; t4 has groups, columns and cell_order.
    public struct Table: Decodable, Sendable {
        public let key: String
        public let section: String
        public let title: String
        public let subtables: [Subtable]?
        public let columns: [Label]?
        public let rows: [Label]?
        public let groups: [Label]?
        public let cellOrder: [String]?
        public let cornerLabel: String?

        enum CodingKeys: String, CodingKey {
            case key, section, title, subtables, columns, rows, groups
            case cellOrder = "cell_order"
            case cornerLabel = "corner_label"
        }
    }

    public struct Subtable: Decodable, Sendable {
        public let key: String
        public let caption: String
        public let rowHeader: String
        public let columns: [Label]
        public let rows: [Label]

        enum CodingKeys: String, CodingKey {
            case key, caption, columns, rows
            case rowHeader = "row_header"
        }
    }

    /// A row, column or group: stable key, printed label, aliases.
    public struct Label: Decodable, Sendable {
        public let key: String
        public let label: String
        public let aliases: [String]
        /// Column value type: "int>=0", "decimal>=0", "int" (signed), …
        public let type: String?
        public let unit: String?
        public let parent: String?
        public let group: String?
        /// Hubei-style labels with appended parentheticals: match by prefix.
        public let aliasPrefixMatch: Bool?

        enum CodingKeys: String, CodingKey {
            case key, label, aliases, type, unit, parent, group
            case aliasPrefixMatch = "alias_prefix_match"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            label = try c.decode(String.self, forKey: .label)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
            type = try c.decodeIfPresent(String.self, forKey: .type)
            unit = try c.decodeIfPresent(String.self, forKey: .unit)
            parent = try c.decodeIfPresent(String.self, forKey: .parent)
            group = try c.decodeIfPresent(String.self, forKey: .group)
            aliasPrefixMatch = try c.decodeIfPresent(Bool.self, forKey: .aliasPrefixMatch)
        }
    }

    public struct Rule: Decodable, Sendable {
        public let id: String
        public let status: String
        /// Placeholder → values, e.g. {"$c": ["natural_person", …]}.
        public let forEach: [String: [String]]?
        public let formula: String?

        enum CodingKeys: String, CodingKey {
            case id, status, formula
            case forEach = "for_each"
        }
    }

    /// The bundled schema, decoded once.
    public static let bundled: FormatSchema = {
        guard let url = Bundle.module.url(forResource: "format-schema", withExtension: "json", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "format-schema", withExtension: "json"),
              let data = try? Data(contentsOf: url) else {
            fatalError("nianbao: bundled Resources/format-schema.json is missing from the build")
        }
        do {
            return try JSONDecoder().decode(FormatSchema.self, from: data)
        } catch {
            fatalError("nianbao: bundled format-schema.json does not decode: \(error)")
        }
    }()

    /// URL of another bundled resource file (e.g. "label-aliases.json").
    public static func resourceURL(_ name: String, ext: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: ext)
    }
}
