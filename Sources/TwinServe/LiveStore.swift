import Foundation
import GRDB

/// The server's durable store: SQLite through GRDB, in WAL mode with `synchronous=FULL`,
/// so a batch acknowledged with 2xx survives a crash or power loss. It keeps the batches
/// as accepted (the state is a function of them: a restart ingests them again in order),
/// the knob settings applied and after which batch, and the audit log.
public final class LiveStore: Sendable {
    private let pool: DatabasePool

    public struct StoredBatch: Sendable {
        public var ordinal: Int64
        public var source: String
        public var sequence: Int
        public var received: Double
        public var body: String
    }

    public struct StoredKnobs: Sendable {
        public var afterOrdinal: Int64
        public var settings: String
        /// The telemetry time (seconds since 1970) the gateway applied them from; nil in
        /// a store written before it was kept (then: from after `afterOrdinal`).
        public var appliesAt: Double?
    }

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS batch (
                    ordinal INTEGER PRIMARY KEY AUTOINCREMENT,
                    twin TEXT NOT NULL, source TEXT NOT NULL, sequence INTEGER NOT NULL,
                    received REAL NOT NULL, body TEXT NOT NULL,
                    UNIQUE (twin, source, sequence));
                CREATE TABLE IF NOT EXISTS knobs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, twin TEXT NOT NULL,
                    after_ordinal INTEGER NOT NULL, settings TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, twin TEXT NOT NULL, time TEXT NOT NULL,
                    kind TEXT NOT NULL, entry TEXT NOT NULL);
                """)
            if try !db.columns(in: "knobs").contains(where: { $0.name == "applies_at" }) {
                try db.execute(sql: "ALTER TABLE knobs ADD COLUMN applies_at REAL")
            }
        }
    }

    /// Stores an accepted batch; returns its ordinal. Committed (fsynced) on return.
    public func append(twin: String, source: String, sequence: Int, received: Double, body: String) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO batch (twin, source, sequence, received, body) VALUES (?, ?, ?, ?, ?)",
                           arguments: [twin, source, sequence, received, body])
            return db.lastInsertedRowID
        }
    }

    /// Every batch of `twin` in the order it was accepted, handed to `body` one at a time
    /// (a cursor: a month of telemetry is not loaded at once).
    public func forEachBatch(twin: String, _ body: (StoredBatch) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT ordinal, source, sequence, received, body FROM batch WHERE twin = ? ORDER BY ordinal",
                                           arguments: [twin])
            while let row = try rows.next() {
                try body(StoredBatch(ordinal: row[0], source: row[1], sequence: row[2], received: row[3], body: row[4]))
            }
        }
    }

    public func batchCount(twin: String) throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM batch WHERE twin = ?", arguments: [twin]) ?? 0 }
    }

    public func lastOrdinal(twin: String) throws -> Int64 {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(ordinal), 0) FROM batch WHERE twin = ?", arguments: [twin]) ?? 0
        }
    }

    public func appendKnobs(twin: String, afterOrdinal: Int64, settings: String, appliesAt: Double?) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO knobs (twin, after_ordinal, settings, applies_at) VALUES (?, ?, ?, ?)",
                           arguments: [twin, afterOrdinal, settings, appliesAt])
        }
    }

    public func knobs(twin: String) throws -> [StoredKnobs] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT after_ordinal, settings, applies_at FROM knobs WHERE twin = ? ORDER BY id",
                             arguments: [twin])
                .map { StoredKnobs(afterOrdinal: $0[0], settings: $0[1], appliesAt: $0[2]) }
        }
    }

    public func audit(twin: String, time: String, kind: String, entry: String) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO audit (twin, time, kind, entry) VALUES (?, ?, ?, ?)",
                           arguments: [twin, time, kind, entry])
        }
    }

    public func auditEntries(twin: String, limit: Int = 1000) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT entry FROM audit WHERE twin = ? ORDER BY id DESC LIMIT ?",
                                arguments: [twin, limit]).reversed()
        }
    }
}
