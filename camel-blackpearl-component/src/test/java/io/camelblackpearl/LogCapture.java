package io.camelblackpearl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects what a logger (or the root logger) writes, at the given level, while it is open: each line is
 * the formatted message followed by the whole stack trace of its exception, if any.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final String loggerName;
    private final AbstractAppender appender;
    private final Level previousRootLevel;

    private LogCapture(String loggerName, Level level) {
        this.loggerName = loggerName;
        appender = new AbstractAppender("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                    line.append("\n").append(t);
                    for (StackTraceElement element : t.getStackTrace()) {
                        line.append("\n\tat ").append(element);
                    }
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        if (loggerName == null) {
            LoggerConfig root = config.getRootLogger();
            previousRootLevel = root.getLevel();
            root.addAppender(appender, level, null);
            root.setLevel(level);
        } else {
            previousRootLevel = null;
            LoggerConfig logger = new LoggerConfig(loggerName, level, true);
            logger.addAppender(appender, level, null);
            config.addLogger(loggerName, logger);
        }
        context.updateLoggers();
    }

    /** Captures {@code loggerName} and its children at {@code level} and above. */
    public static LogCapture of(String loggerName, Level level) {
        return new LogCapture(loggerName, level);
    }

    /** Captures every logger at {@code level} and above. */
    public static LogCapture everything(Level level) {
        return new LogCapture(null, level);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        if (loggerName == null) {
            config.getRootLogger().removeAppender(appender.getName());
            config.getRootLogger().setLevel(previousRootLevel);
        } else {
            config.removeLogger(loggerName);
        }
        context.updateLoggers();
        appender.stop();
    }
}
