package {{package}};

/** How much of the maximum heap is free, and whether that is enough; plain Java, tested without a framework. */
public record Headroom(long usedBytes, long maxBytes) {

    /** The JVM's heap now. */
    static Headroom now() {
        Runtime runtime = Runtime.getRuntime();
        return new Headroom(runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory());
    }

    /** Free share of the maximum heap, 0-100. */
    public int freePercent() {
        return maxBytes <= 0 ? 100 : (int) Math.max(0, Math.min(100, 100 - usedBytes * 100 / maxBytes));
    }

    public boolean enough(int minimumPercent) {
        return freePercent() >= minimumPercent;
    }
}
