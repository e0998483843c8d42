import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small blocking HTTP/1.1 client over one keep-alive TCP connection: what the
/// emulator, `replay`, the load generator and the tests use to talk to a server on
/// this machine. Content-Length bodies only (the server never chunks what they read,
/// except the event stream, which `readLine` follows).
public final class HTTPClient: @unchecked Sendable {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: Data
        public var text: String { String(decoding: body, as: UTF8.self) }
        public func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    public let host: String
    public let port: Int
    private var socket: Int32 = -1
    private var buffer = Data()

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `http://HOST:PORT[/…]` → a client for HOST:PORT and the path prefix.
    public static func parse(_ url: String) -> (host: String, port: Int, path: String)? {
        guard url.hasPrefix("http://") else { return nil }
        let rest = url.dropFirst(7)
        let authority = rest.prefix { $0 != "/" }
        let path = String(rest.dropFirst(authority.count))
        let parts = authority.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { return nil }
        return (String(parts[0]), port, path)
    }

    deinit { close() }

    public func close() {
        if socket >= 0 { Glibc.close(socket) }
        socket = -1
        buffer.removeAll()
    }

    private func connect() throws {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else {
            throw HTTPClientError.connect("cannot resolve \(host)")
        }
        defer { freeaddrinfo(result) }
        let fd = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { throw HTTPClientError.connect("socket: \(errno)") }
        guard Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            Glibc.close(fd)
            throw HTTPClientError.connect("connect to \(host):\(port): errno \(errno)")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        socket = fd
    }

    /// Sends a request and reads the response; reconnects once if the kept-alive
    /// connection was closed by the server.
    public func request(_ method: String, _ path: String, headers: [(String, String)] = [],
                        body: Data = Data()) throws -> Response {
        do {
            return try attempt(method, path, headers: headers, body: body)
        } catch HTTPClientError.closed {
            close()
            return try attempt(method, path, headers: headers, body: body)
        }
    }

    private func attempt(_ method: String, _ path: String, headers: [(String, String)], body: Data) throws -> Response {
        if socket < 0 { try connect() }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var message = Data(head.utf8)
        message.append(body)
        try send(message)
        guard let statusLine = try readLine() else { throw HTTPClientError.closed }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { throw HTTPClientError.protocolError(statusLine) }
        var responseHeaders: [(String, String)] = []
        while let line = try readLine(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            responseHeaders.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = Int(responseHeaders.first { $0.0.lowercased() == "content-length" }?.1 ?? "") ?? 0
        let content = try read(count: length)
        if responseHeaders.contains(where: { $0.0.lowercased() == "connection" && $0.1.lowercased() == "close" }) { close() }
        return Response(status: status, headers: responseHeaders, body: content)
    }

    private func send(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { throw HTTPClientError.closed }
                offset += sent
            }
        }
    }

    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = recv(socket, &chunk, chunk.count, 0)
        if count <= 0 { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    /// Sends raw bytes on the connection (for a streamed response read with `readLine`).
    public func sendRaw(_ text: String) throws {
        if socket < 0 { try connect() }
        try send(Data(text.utf8))
    }

    /// One CRLF-terminated line (without it); nil at end of stream.
    public func readLine() throws -> String? {
        while true {
            if let index = buffer.firstIndex(of: 10) {
                var line = buffer[buffer.startIndex..<index]
                if line.last == 13 { line = line.dropLast() }
                let text = String(decoding: line, as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...index)
                return text
            }
            guard try fill() else { return nil }
        }
    }

    private func read(count: Int) throws -> Data {
        while buffer.count < count {
            guard try fill() else { throw HTTPClientError.closed }
        }
        let data = Data(buffer.prefix(count))
        buffer.removeFirst(count)
        return data
    }
}

public enum HTTPClientError: Error, CustomStringConvertible {
    case connect(String)
    case closed
    case protocolError(String)

    public var description: String {
        switch self {
        case .connect(let message): message
        case .closed: "the server closed the connection"
        case .protocolError(let line): "not an HTTP response: \(line)"
        }
    }
}
