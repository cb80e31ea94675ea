/**
 * Who may use the registry: staff accounts with roles, and the API users each business holds. Only
 * password hashes are stored; tokens live in the application layer.
 */
package org.iys.domain.access;
