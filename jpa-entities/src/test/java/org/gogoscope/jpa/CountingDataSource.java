package org.gogoscope.jpa;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A DataSource that counts what the library asks the driver to send: statement executions, and the transaction
 * control calls (commit, rollback, setAutoCommit, setTransactionIsolation) that would each cost a round trip.
 */
final class CountingDataSource {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> TRANSACTION_CONTROL = Set.of("commit", "rollback", "setAutoCommit",
            "setTransactionIsolation", "setSavepoint", "releaseSavepoint");

    final AtomicInteger executions = new AtomicInteger();
    final AtomicInteger transactionControl = new AtomicInteger();
    private final DataSource target;

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    void reset() {
        executions.set(0);
        transactionControl.set(0);
    }

    DataSource dataSource() {
        return proxy(DataSource.class, target, (proxy, method, args) -> {
            Object result = invoke(method, target, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, real, (proxy, method, args) -> {
            if (TRANSACTION_CONTROL.contains(method.getName())) {
                transactionControl.incrementAndGet();
            }
            Object result = invoke(method, real, args);
            if (result instanceof Statement statement) {
                Class<? extends Statement> type = method.getName().equals("prepareCall")
                        ? java.sql.CallableStatement.class : method.getName().equals("prepareStatement")
                        ? java.sql.PreparedStatement.class : Statement.class;
                return statement(type, statement);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, Statement real) {
        return proxy(type, real, (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                executions.incrementAndGet();
            }
            return invoke(method, real, args);
        });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
