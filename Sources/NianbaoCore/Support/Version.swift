/// nianbao's version, reported in the User-Agent and `nianbao --version`.
public enum NianbaoVersion {
    public static let string = "0.1.0"
}
