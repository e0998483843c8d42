import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TwinJSON
import TwinProcess

/// A small client of the W3C WebDriver protocol (https://www.w3.org/TR/webdriver2/),
/// enough for tests that look at a page the way a person does: open a headless
/// Chromium through chromedriver, load a file, run a script that measures the layout
/// (`getBoundingClientRect` of every SVG text), take screenshots of the page or of one
/// element. JSON (TwinJSON) over HTTP/1.1 on loopback (`LoopbackHTTP`, plain sockets:
/// no proxy settings or HTTP library in the way); no Python, no Selenium. Calls block,
/// like the tests' other child processes.
///
/// `WebDriverServer` is the chromedriver process (a free port on 127.0.0.1, stopped at
/// the end of the test); `WebDriverSession` one browser window. Used by the report's
/// layout test; meant for any later browser test (a dashboard) as well.
struct WebDriverError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Where the browser and its driver are, from the PATH (Debian's `chromium` and
/// `chromium-driver` packages, or Google Chrome with a matching chromedriver).
struct BrowserInstallation: Sendable {
    var browser: String
    var driver: String

    static let found: BrowserInstallation? = {
        guard let browser = executable(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]),
              let driver = executable(["chromedriver"]) else { return nil }
        return BrowserInstallation(browser: browser, driver: driver)
    }()

    /// What is missing, for the message of a skipped or failed test.
    static var missing: String {
        let browser = executable(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) == nil
        let driver = executable(["chromedriver"]) == nil
        return [browser ? "a Chromium browser" : nil, driver ? "chromedriver" : nil].compactMap { $0 }.joined(separator: " and ")
            + " not on the PATH (Debian: apt-get install chromium chromium-driver)"
    }

    private static func executable(_ names: [String]) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }
}

/// A chromedriver listening on 127.0.0.1 at a port no one else uses; `stop()` ends it.
final class WebDriverServer {
    let base: URL
    private let process: Process

    private init(base: URL, process: Process) {
        self.base = base
        self.process = process
    }

    /// Starts `driver` and waits (up to `timeout` seconds) until it answers `/status`.
    /// Its output goes to `log`, for the message when something fails.
    static func start(driver: String, log: URL, timeout: Double = 20) throws -> WebDriverServer {
        let port = try freeLoopbackPort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: driver)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1", "--log-path=\(log.path)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let server = WebDriverServer(base: URL(string: "http://127.0.0.1:\(port)")!, process: process)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try? WebDriverSession.send("GET", server.base.appendingPathComponent("status")),
               status["ready"]?.boolValue == true {
                return server
            }
            guard process.isRunning else { break }
            usleep(100_000)
        }
        server.stop()
        throw WebDriverError(message: "chromedriver did not become ready on port \(port) within \(Int(timeout)) s (log: \(log.path))")
    }

    /// Asks chromedriver to shut down (it closes the browsers it started) and waits for
    /// it; kills it after 10 s. Not `terminate()`: a child started from a test thread
    /// inherits that thread's blocked signals, SIGTERM among them, and would ignore it.
    func stop() {
        guard process.isRunning else { return }
        _ = try? LoopbackHTTP.request("GET", base.appendingPathComponent("shutdown"), body: nil, timeout: 10)
        let deadline = Date().addingTimeInterval(10)
        _ = ChildProcess.reap(process, deadline: deadline)
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then closed).
    private static func freeLoopbackPort() throws -> Int {
        let descriptor = socket(AF_INET, LoopbackHTTP.streamSocket, 0)
        guard descriptor >= 0 else { throw WebDriverError(message: "socket() failed: \(errno)") }
        defer { close(descriptor) }
        var address = LoopbackHTTP.address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw WebDriverError(message: "could not bind a loopback port: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// One browser session: a headless Chromium window of a given size.
struct WebDriverSession: Sendable {
    let url: URL

    /// Opens a headless `browser` window `width`×`height` CSS pixels, its profile in
    /// `profile` (a scratch folder, so no state is shared between runs).
    static func open(on server: WebDriverServer, browser: String, width: Int, height: Int, profile: URL) throws -> WebDriverSession {
        let arguments: [JSONValue] = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                                      "--force-device-scale-factor=1", .string("--window-size=\(width),\(height)"),
                                      .string("--user-data-dir=\(profile.path)")]
        let capabilities: JSONValue = .object(["capabilities": .object(["alwaysMatch": .object([
            "browserName": "chrome",
            "goog:chromeOptions": .object(["binary": .string(browser), "args": .array(arguments)]),
        ])])])
        let answer = try send("POST", server.base.appendingPathComponent("session"), body: capabilities)
        guard let id = answer["sessionId"]?.stringValue else {
            throw WebDriverError(message: "new session: no sessionId in \(JSONWriter.compact.string(answer))")
        }
        return WebDriverSession(url: server.base.appendingPathComponent("session").appendingPathComponent(id))
    }

    func navigate(to page: URL) throws {
        _ = try Self.send("POST", url.appendingPathComponent("url"), body: .object(["url": .string(page.absoluteString)]))
    }

    /// Runs `script` (a function body; `arguments[0]`… are `arguments`) and returns
    /// what it returns, as JSON.
    func execute(_ script: String, arguments: [JSONValue] = []) throws -> JSONValue {
        try Self.send("POST", url.appendingPathComponent("execute/sync"),
                            body: .object(["script": .string(script), "args": .array(arguments)]))
    }

    func setWindowSize(width: Int, height: Int) throws {
        _ = try Self.send("POST", url.appendingPathComponent("window/rect"),
                                body: .object(["width": .int(width), "height": .int(height)]))
    }

    /// A PNG of the window's viewport.
    func screenshot() throws -> Data {
        try Self.png(try Self.send("GET", url.appendingPathComponent("screenshot")))
    }

    /// A PNG of the first element matching the CSS `selector` (scrolled into view).
    func screenshot(ofElement selector: String) throws -> Data {
        let found = try Self.send("POST", url.appendingPathComponent("element"),
                                        body: .object(["using": "css selector", "value": .string(selector)]))
        // The W3C web element identifier.
        guard let element = found["element-6066-11e4-a52e-4f735466cecf"]?.stringValue else {
            throw WebDriverError(message: "no element \(selector)")
        }
        return try Self.png(try Self.send("GET", url.appendingPathComponent("element").appendingPathComponent(element)
                                                    .appendingPathComponent("screenshot")))
    }

    /// Ends the session (closes the browser).
    func close() throws {
        _ = try Self.send("DELETE", url)
    }

    private static func png(_ value: JSONValue) throws -> Data {
        guard let text = value.stringValue, let data = Data(base64Encoded: text) else {
            throw WebDriverError(message: "screenshot: expected base64 PNG data")
        }
        return data
    }

    /// One WebDriver command: the reply's `value`, or the protocol's error as a thrown
    /// `WebDriverError` (`no such element: …`).
    static func send(_ method: String, _ url: URL, body: JSONValue? = nil) throws -> JSONValue {
        let (status, data) = try LoopbackHTTP.request(method, url, body: body.map { Data(JSONWriter.compact.string($0).utf8) })
        guard let reply = try? JSONParser.parse(String(decoding: data, as: UTF8.self)).get().value else {
            throw WebDriverError(message: "\(method) \(url.path): HTTP \(status), not JSON")
        }
        let value = reply["value"] ?? .null
        if status >= 400 || value["error"] != nil {
            let error = value["error"]?.stringValue ?? "HTTP \(status)"
            let message = value["message"]?.stringValue.map { String($0.prefix(400)) } ?? ""
            throw WebDriverError(message: "\(method) \(url.path): \(error): \(message)")
        }
        return value
    }
}

/// HTTP/1.1 to a server on 127.0.0.1, one connection per request (`Connection:
/// close`), a JSON body, the reply read to its `Content-Length` or to the end.
enum LoopbackHTTP {
    #if canImport(Glibc)
    static let streamSocket = Int32(SOCK_STREAM.rawValue)
    #else
    static let streamSocket = SOCK_STREAM
    #endif

    static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// The status code and body of `method url` with `body` (JSON), waiting at most
    /// `timeout` seconds for each read.
    static func request(_ method: String, _ url: URL, body: Data?, timeout: Int = 120) throws -> (status: Int, body: Data) {
        guard let port = url.port else { throw WebDriverError(message: "no port in \(url)") }
        let descriptor = socket(AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { throw WebDriverError(message: "socket() failed: \(errno)") }
        defer { close(descriptor) }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = address(port: port)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw WebDriverError(message: "cannot connect to 127.0.0.1:\(port): \(errno)") }
        let path = (url.path.isEmpty ? "/" : url.path) + (url.query.map { "?" + $0 } ?? "")
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nAccept: application/json\r\n"
        if let body { head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n" }
        var outgoing = Data((head + "\r\n").utf8)
        if let body { outgoing.append(body) }
        try outgoing.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let n = send(descriptor, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw WebDriverError(message: "send to 127.0.0.1:\(port) failed: \(errno)") }
                sent += n
            }
        }
        var incoming = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let (status, headers, bodyStart) = parseHead(incoming), let length = contentLength(headers),
               incoming.count - bodyStart >= length {
                return (status, incoming.subdata(in: bodyStart..<(bodyStart + length)))
            }
            let n = recv(descriptor, &chunk, chunk.count, 0)
            if n < 0 { throw WebDriverError(message: "no reply from 127.0.0.1:\(port) for \(method) \(path) (\(errno))") }
            if n == 0 { break }
            incoming.append(contentsOf: chunk[0..<n])
        }
        guard let (status, headers, bodyStart) = parseHead(incoming) else {
            throw WebDriverError(message: "no HTTP reply from 127.0.0.1:\(port) for \(method) \(path)")
        }
        let rest = incoming.subdata(in: bodyStart..<incoming.count)
        return (status, headers.contains { $0.lowercased() == "transfer-encoding: chunked" } ? dechunked(rest) : rest)
    }

    /// The status, header lines and where the body starts, once the head is complete.
    private static func parseHead(_ data: Data) -> (Int, [String], Int)? {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        return (status, Array(lines.dropFirst()), end.upperBound - data.startIndex)
    }

    private static func contentLength(_ headers: [String]) -> Int? {
        for line in headers where line.lowercased().hasPrefix("content-length:") {
            return Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private static func dechunked(_ data: Data) -> Data {
        var out = Data(), index = data.startIndex
        while let lineEnd = data[index...].firstRange(of: Data("\r\n".utf8)),
              let size = Int(String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self)
                  .split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? "", radix: 16), size > 0,
              lineEnd.upperBound + size <= data.endIndex {
            out.append(data[lineEnd.upperBound..<(lineEnd.upperBound + size)])
            index = min(lineEnd.upperBound + size + 2, data.endIndex)
        }
        return out
    }
}
