package io.wssgate.spring.properties;

import java.util.ArrayList;
import java.util.List;

/** Where the principal's roles come from. */
public class RolesProperties {

    /** SAML attribute names whose values are roles. */
    private List<String> samlAttributes = new ArrayList<>();

    public List<String> getSamlAttributes() {
        return samlAttributes;
    }

    public void setSamlAttributes(List<String> samlAttributes) {
        this.samlAttributes = samlAttributes;
    }

    /** Roles for the certificate of an X.509 or holder-of-key caller. */
    private List<CertificateSubject> certificateSubjects = new ArrayList<>();

    public List<CertificateSubject> getCertificateSubjects() {
        return certificateSubjects;
    }

    public void setCertificateSubjects(List<CertificateSubject> certificateSubjects) {
        this.certificateSubjects = certificateSubjects;
    }

    /** Roles for one certificate subject. */
    public static class CertificateSubject {

        /** Subject DN (RFC 2253). */
        private String subject;

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        /** Roles granted. */
        private List<String> roles = new ArrayList<>();

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }
}
