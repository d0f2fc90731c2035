#!/bin/bash
# Runs once, when the mysql container starts on an empty data volume (/docker-entrypoint-initdb.d).
# One schema per service and one user per service with rights on its own schema only; a read-only
# user for the consistency checker, which reads all three. Passwords come from docker/.env.
set -euo pipefail

mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS txlab_order CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS txlab_inventory CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS txlab_payment CHARACTER SET utf8mb4;

CREATE USER IF NOT EXISTS 'txlab_order'@'%' IDENTIFIED BY '${TXLAB_ORDER_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'txlab_inventory'@'%' IDENTIFIED BY '${TXLAB_INVENTORY_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'txlab_payment'@'%' IDENTIFIED BY '${TXLAB_PAYMENT_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON txlab_order.* TO 'txlab_order'@'%';
GRANT ALL PRIVILEGES ON txlab_inventory.* TO 'txlab_inventory'@'%';
GRANT ALL PRIVILEGES ON txlab_payment.* TO 'txlab_payment'@'%';

CREATE USER IF NOT EXISTS 'txlab_checker'@'%' IDENTIFIED BY '${TXLAB_CHECKER_DB_PASSWORD}';
GRANT SELECT ON txlab_order.* TO 'txlab_checker'@'%';
GRANT SELECT ON txlab_inventory.* TO 'txlab_checker'@'%';
GRANT SELECT ON txlab_payment.* TO 'txlab_checker'@'%';
SQL
echo "txlab: schemas txlab_order, txlab_inventory, txlab_payment and their users created"
