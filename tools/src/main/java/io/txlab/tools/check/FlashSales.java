package io.txlab.tools.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads every flash sale: its orders from the order schema, its allocation from inventory's. */
final class FlashSales {

    private FlashSales() {
    }

    static List<Snapshot.Sale> read(Connection order, Connection inventory) throws SQLException {
        Map<String, int[]> allocations = new HashMap<>();
        try (PreparedStatement query = inventory.prepareStatement("""
                SELECT a.sale_id, a.units, a.remaining,
                       COALESCE(SUM(CASE m.kind WHEN 'DEDUCT' THEN m.quantity WHEN 'RELEASE' THEN -m.quantity END), 0)
                FROM flash_allocation a LEFT JOIN stock_movement m ON m.sale_id = a.sale_id
                GROUP BY a.sale_id, a.units, a.remaining
                """); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                allocations.put(rows.getString(1), new int[] {rows.getInt(2), rows.getInt(3), rows.getInt(4)});
            }
        }
        Map<String, Integer> mostPerUser = new HashMap<>();
        try (PreparedStatement query = order.prepareStatement("""
                SELECT sale_id, MAX(n) FROM (
                    SELECT sale_id, user_id, COUNT(*) AS n FROM orders
                    WHERE sale_id IS NOT NULL AND status <> 'CANCELLED' GROUP BY sale_id, user_id) per_user
                GROUP BY sale_id
                """); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                mostPerUser.put(rows.getString(1), rows.getInt(2));
            }
        }
        List<Snapshot.Sale> sales = new ArrayList<>();
        try (PreparedStatement query = order.prepareStatement("""
                SELECT s.sale_id, s.units,
                       COALESCE(SUM(o.status <> 'CANCELLED'), 0), COALESCE(SUM(o.status = 'CONFIRMED'), 0)
                FROM flash_sale s LEFT JOIN orders o ON o.sale_id = s.sale_id
                GROUP BY s.sale_id, s.units
                ORDER BY s.sale_id
                """); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                int[] allocation = allocations.getOrDefault(rows.getString(1), new int[] {-1, 0, 0});
                sales.add(new Snapshot.Sale(rows.getString(1), rows.getInt(2), rows.getInt(3), rows.getInt(4),
                        mostPerUser.getOrDefault(rows.getString(1), 0), allocation[0], allocation[1], allocation[2]));
            }
        }
        return sales;
    }
}
